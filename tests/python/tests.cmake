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
    if(REDLINE_SANITIZE)
      # A module built with sanitizers loads into an interpreter built without them only when
      # their runtimes are loaded first. Leak detection is off for this test alone: the
      # interpreter does not free what it holds at exit; the C API's own leaks are checked by
      # CApi.* under LSan and by the C program under valgrind.
      set(redline_sanitizer_runtimes "")
      foreach(runtime asan ubsan)
        if(REDLINE_SANITIZE MATCHES "address" AND runtime STREQUAL "asan" OR
           REDLINE_SANITIZE MATCHES "undefined" AND runtime STREQUAL "ubsan")
          execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=lib${runtime}.so
                          OUTPUT_VARIABLE runtime_path OUTPUT_STRIP_TRAILING_WHITESPACE)
          list(APPEND redline_sanitizer_runtimes "${runtime_path}")
        endif()
      endforeach()
      list(JOIN redline_sanitizer_runtimes " " redline_preload)
      set_tests_properties(Python.Module PROPERTIES ENVIRONMENT_MODIFICATION
                           "LD_PRELOAD=set:${redline_preload};ASAN_OPTIONS=string_append::detect_leaks=0")
    endif()
  endif()
  # qgis_process loads the plugin from the source tree in a temporary QGIS profile; exit 77
  # (skipped, saying why) when QGIS is not installed, and in sanitizer builds: QGIS and Qt are
  # not built with sanitizers (the module the plugin stands on runs under them in Python.Module).
  add_test(NAME QGIS.ProcessingProvider
           COMMAND ${REDLINE_PYTHON_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/qgis_process_test.py
                   ${PROJECT_SOURCE_DIR} $<TARGET_FILE:redline_cli> ${PROJECT_BINARY_DIR}/python)
  set_tests_properties(QGIS.ProcessingProvider PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
  if(REDLINE_SANITIZE)
    set_tests_properties(QGIS.ProcessingProvider PROPERTIES ENVIRONMENT "REDLINE_SANITIZED_BUILD=${REDLINE_SANITIZE}")
  endif()
endif()
