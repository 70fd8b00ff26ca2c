redline_test(report_tests
  ${CMAKE_CURRENT_LIST_DIR}/table_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/area_report_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/check_report_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/drift_layers_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/drift_report_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/output_hygiene_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/coverage_layers_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/coverage_report_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/overlay_layer_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/overlay_report_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tabulate_report_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/html_report_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/xlsx_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/front_end_jobs_test.cpp)
# The reports' tests parse the JSON text they print.
target_link_libraries(report_tests PRIVATE nlohmann_json::nlohmann_json)

# Maps (cairo): the test reads the PNGs back with cairo's PNG reader.
redline_test(map_tests ${CMAKE_CURRENT_LIST_DIR}/map_test.cpp)
target_link_libraries(map_tests PRIVATE PkgConfig::CAIRO)
