redline_test(cli_tests
  ${CMAKE_CURRENT_LIST_DIR}/cli_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/error_message_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/hostile_geometry_cli_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/length_cli_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/check_conflicts_cli_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/two_inputs_cli_test.cpp)

# run_guarded and the hint spelling, called directly (they are the CLI's, not the library's).
redline_test(cli_guard_tests
  ${CMAKE_CURRENT_LIST_DIR}/run_guarded_test.cpp)
target_link_libraries(cli_guard_tests PRIVATE redline_cli_common)

# NULL, '' and NaN keys in grouping and matching (issue 8).
redline_test(missing_keys_tests
  ${CMAKE_CURRENT_LIST_DIR}/missing_keys_test.cpp)

# redline qa (issue 10).
redline_test(qa_cli_tests
  ${CMAKE_CURRENT_LIST_DIR}/qa_test.cpp)

# --map on drift (issue 11), and check's numbered maps of its failing checks.
redline_test(map_cli_tests
  ${CMAKE_CURRENT_LIST_DIR}/map_cli_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/check_map_cli_test.cpp)

# redline check --report: the HTML report, rendered by headless Chromium (issue 11).
redline_test(html_report_cli_tests
  ${CMAKE_CURRENT_LIST_DIR}/html_report_cli_test.cpp)

# --format xlsx and --output (issue 11): workbooks read back with openpyxl.
redline_test(xlsx_cli_tests
  ${CMAKE_CURRENT_LIST_DIR}/xlsx_cli_test.cpp)
target_link_libraries(xlsx_cli_tests PRIVATE nlohmann_json::nlohmann_json)
