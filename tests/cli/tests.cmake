redline_test(cli_tests
  ${CMAKE_CURRENT_LIST_DIR}/cli_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/hostile_geometry_cli_test.cpp)
