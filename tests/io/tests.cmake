redline_test(io_tests
  ${CMAKE_CURRENT_LIST_DIR}/read_layer_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/layer_stream_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/wkb_envelope_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/geometry_normalisation_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/read_lines_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/read_options_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/read_layers_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/coordinate_check_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/repair_audit_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reproject_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/writer_test.cpp)

# Never lose data: output targets, inputs, temporaries, the writer; and the CLI under hostile use.
redline_test(io_output_tests
  ${CMAKE_CURRENT_LIST_DIR}/output_path_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/output_safety_cli_test.cpp)

# Attribute text: encodings, mixed encodings, .cpg and .dbf problems (issue 8).
redline_test(attribute_encoding_tests
  ${CMAKE_CURRENT_LIST_DIR}/attribute_encoding_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/attribute_encoding_cli_test.cpp)
