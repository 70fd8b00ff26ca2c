redline_test(cli_tests
  ${CMAKE_CURRENT_LIST_DIR}/cli_test.cpp)

# NULL, '' and NaN keys in grouping and matching (issue 8).
redline_test(missing_keys_tests
  ${CMAKE_CURRENT_LIST_DIR}/missing_keys_test.cpp)
