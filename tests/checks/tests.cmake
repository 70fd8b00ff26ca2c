redline_test(checks_tests
  ${CMAKE_CURRENT_LIST_DIR}/check_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/check_figures_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/check_geometries_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/check_spec_builder_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/class_checks_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/conflict_checks_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/conflict_rules_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/catalogue_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/deliveries_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/not_reduced_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rules_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/share_checks_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/length_checks_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/threshold_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/validate_check_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/check_cli_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/check_hostile_cli_test.cpp)

# Delivery QA (issue 10): the library on tests/data/checks/qa and the sample.
redline_test(delivery_qa_tests
  ${CMAKE_CURRENT_LIST_DIR}/delivery_qa_test.cpp)
