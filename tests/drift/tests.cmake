redline_test(drift_tests
  ${CMAKE_CURRENT_LIST_DIR}/drift_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/drift_cli_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/drift_options_test.cpp)
