redline_test(geom_tests
  ${CMAKE_CURRENT_LIST_DIR}/validity_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/parallel_state_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/envelope_index_test.cpp)
# parallel_state_test.cpp exercises a private helper of lib/util.
target_include_directories(geom_tests PRIVATE ${PROJECT_SOURCE_DIR}/lib)
