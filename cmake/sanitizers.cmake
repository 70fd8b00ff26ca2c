# REDLINE_SANITIZE: build the library, the CLI and the tests with compiler sanitizers.
#
#   cmake -S . -B build-asan -DREDLINE_SANITIZE=address,undefined
#
# Every target of the project is instrumented (compile and link), so the tests exercise the
# library exactly as the CLI does. UBSan stops at the first finding (-fno-sanitize-recover=all):
# a report a pipeline can ignore is not a check. Run-time options (leak detection, the
# suppression file) are set by scripts/dev asan, not here.
#
# REDLINE_FUZZ (clang only): the library is additionally built with libFuzzer's coverage
# instrumentation (-fsanitize=fuzzer-no-link) and tests/fuzz links each target with
# -fsanitize=fuzzer. scripts/dev fuzz configures its own build directory with both.
if(REDLINE_SANITIZE)
  string(REPLACE ";" "," redline_sanitizers "${REDLINE_SANITIZE}")
  if(NOT redline_sanitizers MATCHES "^(address|undefined|leak|thread)(,(address|undefined|leak|thread))*$")
    message(FATAL_ERROR "REDLINE_SANITIZE=${REDLINE_SANITIZE}: expected a comma-separated list "
                        "of address, undefined, leak, thread")
  endif()
  set(redline_sanitize_flags -fsanitize=${redline_sanitizers} -fno-omit-frame-pointer)
  if(redline_sanitizers MATCHES "undefined")
    list(APPEND redline_sanitize_flags -fno-sanitize-recover=all)
  endif()
  add_compile_options(${redline_sanitize_flags} -g)
  add_link_options(-fsanitize=${redline_sanitizers})
  message(STATUS "redline: sanitizers ${redline_sanitizers}")
endif()

if(REDLINE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "REDLINE_FUZZ=ON needs clang (libFuzzer), not ${CMAKE_CXX_COMPILER_ID}: "
                        "configure with -DCMAKE_CXX_COMPILER=clang++ (scripts/dev fuzz does)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
