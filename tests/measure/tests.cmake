redline_test(measure_tests
  ${CMAKE_CURRENT_LIST_DIR}/units_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/area_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/length_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/summary_stream_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quantity_format_test.cpp)
