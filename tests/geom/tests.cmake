redline_test(geom_tests
  ${CMAKE_CURRENT_LIST_DIR}/validity_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/envelope_index_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/geometry_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/paths_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ops_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/predicates_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/coordinate_map_test.cpp)
