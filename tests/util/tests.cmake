redline_test(util_tests
  ${CMAKE_CURRENT_LIST_DIR}/error_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/error_paths_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/enum_names_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/work_loop_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/parallel_state_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/costliest_first_test.cpp)
# enum_names_test.cpp, work_loop_test.cpp and parallel_state_test.cpp exercise private helpers of lib/util.
target_include_directories(util_tests PRIVATE ${PROJECT_SOURCE_DIR}/lib)
