redline_test(drift_tests
  ${CMAKE_CURRENT_LIST_DIR}/drift_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/drift_cli_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/drift_options_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/feature_matchers_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/noise_judge_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ring_alignment_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/shared_edges_test.cpp)
target_include_directories(drift_tests PRIVATE ${PROJECT_SOURCE_DIR}/lib)
