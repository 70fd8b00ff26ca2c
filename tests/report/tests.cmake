redline_test(report_tests
  ${CMAKE_CURRENT_LIST_DIR}/table_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/area_report_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/output_hygiene_test.cpp)
