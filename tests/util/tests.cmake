redline_test(util_tests
  ${CMAKE_CURRENT_LIST_DIR}/error_test.cpp)
