redline_test(cli_tests
  ${CMAKE_CURRENT_LIST_DIR}/cli_test.cpp)
