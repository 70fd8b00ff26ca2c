# The overlay engine: coverage, tabulate, overlay and their tools (issue 4).
redline_test(overlay_tests
  ${CMAKE_CURRENT_LIST_DIR}/coverage_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/line_coverage_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/cover_overlaps_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tabulate_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tabulate_stream_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tabulate_stream_cli_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/overlay_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/subdivide_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sliver_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/interiors_overlap_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/overlay_cli_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/overlay_sample_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/engine_options_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/overlay_inputs_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/piece_matcher_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/overlaps_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/gaps_test.cpp)
# interiors_overlap_test.cpp, overlay_inputs_test.cpp, cover_overlaps_test.cpp and
# piece_matcher_test.cpp exercise private helpers of lib/overlay.
target_include_directories(overlay_tests PRIVATE ${PROJECT_SOURCE_DIR}/lib)
target_link_libraries(overlay_tests PRIVATE nlohmann_json::nlohmann_json)
# interiors_overlap_test.cpp asks GEOS relate itself: the oracle of the segment pre-test.
target_link_libraries(overlay_tests PRIVATE GEOS::geos_c)
