# `import redline` (tools/python) and the QGIS Processing provider (tools/qgis), each against the
# built CLI as oracle. Registered only when the Python module is built (tools/python says why
# not); the module is imported from the build tree (<build>/python).
if(REDLINE_PYTHON_MODULE)
  set(redline_python_env
      "PYTHONPATH=${PROJECT_BINARY_DIR}/python"
      "REDLINE_CLI=$<TARGET_FILE:redline_cli>"
      "REDLINE_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
  execute_process(COMMAND ${REDLINE_PYTHON_EXECUTABLE} -c "import pytest"
                  RESULT_VARIABLE redline_no_pytest OUTPUT_QUIET ERROR_QUIET)
  if(redline_no_pytest)
    message(STATUS "redline: the Python module's tests need pytest (Debian: python3-pytest)")
  else()
    add_test(NAME Python.Module
             COMMAND ${REDLINE_PYTHON_EXECUTABLE} -m pytest -q -p no:cacheprovider
                     ${CMAKE_CURRENT_LIST_DIR}/test_redline_module.py)
    set_tests_properties(Python.Module PROPERTIES ENVIRONMENT "${redline_python_env}" TIMEOUT 600)
  endif()
  # qgis_process loads the plugin from the source tree in a temporary QGIS profile; exit 77
  # (skipped, saying why) when QGIS is not installed.
  add_test(NAME QGIS.ProcessingProvider
           COMMAND ${REDLINE_PYTHON_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/qgis_process_test.py
                   ${PROJECT_SOURCE_DIR} $<TARGET_FILE:redline_cli> ${PROJECT_BINARY_DIR}/python)
  set_tests_properties(QGIS.ProcessingProvider PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
endif()
