redline_test(io_tests
  ${CMAKE_CURRENT_LIST_DIR}/read_layer_test.cpp)

# Attribute text: encodings, mixed encodings, .cpg and .dbf problems (issue 8).
redline_test(attribute_encoding_tests
  ${CMAKE_CURRENT_LIST_DIR}/attribute_encoding_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/attribute_encoding_cli_test.cpp)
