redline_test(crs_tests
  ${CMAKE_CURRENT_LIST_DIR}/crs_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/local_projection_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/crs_plausibility_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ellipsoid_area_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/transform_test.cpp)
