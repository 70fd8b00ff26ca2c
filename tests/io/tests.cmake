redline_test(io_tests
  ${CMAKE_CURRENT_LIST_DIR}/read_layer_test.cpp)
