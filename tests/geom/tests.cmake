redline_test(geom_tests
  ${CMAKE_CURRENT_LIST_DIR}/validity_test.cpp)
