redline_test(io_tests
  ${CMAKE_CURRENT_LIST_DIR}/read_layer_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/coordinate_check_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/crs_check_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/repair_audit_test.cpp)
