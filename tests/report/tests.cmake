redline_test(report_tests
  ${CMAKE_CURRENT_LIST_DIR}/table_test.cpp)
