redline_test(checks_tests
  ${CMAKE_CURRENT_LIST_DIR}/check_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rules_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/threshold_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/check_cli_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/check_hostile_cli_test.cpp)
