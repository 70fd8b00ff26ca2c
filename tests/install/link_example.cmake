# Installs redline from a build tree into a fresh prefix (or takes REDLINE_PREFIX, where it is
# installed already), builds samples/link_example against that prefix with
# find_package(redline), runs it and checks the printed areas.
#
#   cmake -DREDLINE_BUILD_DIR=<build> | -DREDLINE_PREFIX=<prefix>
#         -DEXAMPLE_SOURCE_DIR=<repo>/samples/link_example
#         -DWORK_DIR=<scratch> [-DGENERATOR=<cmake generator>] [-DEXAMPLE_LINKER_FLAGS=<flags>]
#         -DCASES=<n>
#         -DCASE1_FILE=<layer path> [-DCASE1_LAYER=<layer name>] -DCASE1_EXPECTED=<area> ...
#         -P link_example.cmake
#
# CASEi_EXPECTED is the oracle area in units of 1e-10 ha (1e-6 m²), an integer, because CMake
# arithmetic is integer only; the printed area must agree to 1e-9 relative.
if(NOT DEFINED REDLINE_BUILD_DIR AND NOT DEFINED REDLINE_PREFIX)
  message(FATAL_ERROR "link_example.cmake: set REDLINE_BUILD_DIR or REDLINE_PREFIX")
endif()
foreach(var EXAMPLE_SOURCE_DIR WORK_DIR CASES)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "link_example.cmake: ${var} is not set")
  endif()
endforeach()

include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/run_checked.cmake)

function(run_step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
set(build "${WORK_DIR}/build")
if(REDLINE_PREFIX)
  set(prefix "${REDLINE_PREFIX}")   # installed already (the Debian package unpacked)
else()
  set(prefix "${WORK_DIR}/prefix")
  run_step("cmake --install" "${CMAKE_COMMAND}" --install "${REDLINE_BUILD_DIR}" --prefix "${prefix}")
endif()
set(generator_args)
if(GENERATOR)
  set(generator_args -G "${GENERATOR}")
endif()
run_step("configuring samples/link_example against the installed package"
  "${CMAKE_COMMAND}" -S "${EXAMPLE_SOURCE_DIR}" -B "${build}" ${generator_args}
  -DCMAKE_BUILD_TYPE=Release "-DCMAKE_PREFIX_PATH=${prefix}"
  "-DCMAKE_EXE_LINKER_FLAGS=${EXAMPLE_LINKER_FLAGS}")
# The package found must be the one under the prefix, not one installed on the machine.
file(STRINGS "${build}/CMakeCache.txt" found_dir REGEX "^redline_DIR:")
string(REGEX REPLACE "^redline_DIR:[A-Z]*=" "" found_dir "${found_dir}")
string(FIND "${found_dir}" "${prefix}/" at)
if(NOT at EQUAL 0)
  message(FATAL_ERROR "samples/link_example found redline in '${found_dir}', not under ${prefix}")
endif()
run_step("building samples/link_example" "${CMAKE_COMMAND}" --build "${build}")

foreach(i RANGE 1 ${CASES})
  set(args "${CASE${i}_FILE}")
  if(CASE${i}_LAYER)
    list(APPEND args "${CASE${i}_LAYER}")
  endif()
  execute_process(COMMAND "${build}/link_example" ${args}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "link_example ${args} exited ${rc}: ${err}")
  endif()
  if(NOT out MATCHES "^([0-9]+)\\.([0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]) ha\n$")
    message(FATAL_ERROR "link_example ${args} printed '${out}', not 'N.NNNNNNNNNN ha'")
  endif()
  string(REGEX REPLACE "^0+([0-9])" "\\1" got "${CMAKE_MATCH_1}${CMAKE_MATCH_2}")
  set(expected "${CASE${i}_EXPECTED}")
  math(EXPR diff "${got} - ${expected}")
  if(diff LESS 0)
    math(EXPR diff "-(${diff})")
  endif()
  math(EXPR tolerance "${expected} / 1000000000")  # 1e-9 relative
  if(diff GREATER tolerance)
    message(FATAL_ERROR "link_example ${args}: ${out} differs from the oracle (${expected} x 1e-10 ha) "
                        "by ${diff} x 1e-10 ha, more than 1e-9 relative (${tolerance})")
  endif()
  message(STATUS "link_example ${args}: ${out}")
endforeach()

# The C sample (samples/c, C only, through the stable C API redline_c.h) against the same
# installed package: it must print what `redline coverage` prints for the same job (the oracle:
# the built CLI, REDLINE_CLI), byte for byte.
#   -DC_SAMPLE_DIR=<repo>/samples/c -DREDLINE_CLI=<redline> -DC_SAMPLE_GPKG=<huichang.gpkg>
if(DEFINED C_SAMPLE_DIR)
  set(c_build "${WORK_DIR}/build-c")
  run_step("configuring samples/c against the installed package"
    "${CMAKE_COMMAND}" -S "${C_SAMPLE_DIR}" -B "${c_build}" ${generator_args}
    -DCMAKE_BUILD_TYPE=Release "-DCMAKE_PREFIX_PATH=${prefix}"
    "-DCMAKE_EXE_LINKER_FLAGS=${EXAMPLE_LINKER_FLAGS}")
  run_step("building samples/c" "${CMAKE_COMMAND}" --build "${c_build}")
  run_checked(c_out "samples/c coverage" "${c_build}/coverage" "${C_SAMPLE_GPKG}")
  run_checked(cli_out "redline coverage" "${REDLINE_CLI}" coverage "${C_SAMPLE_GPKG}"
              --layer reserves --by BHDMC --within "${C_SAMPLE_GPKG}" --within-layer redline)
  require_same("samples/c" "${c_out}" "${cli_out}" "redline coverage")
  if(NOT c_out MATCHES "会昌山")
    message(FATAL_ERROR "samples/c printed no reserve's name:\n${c_out}")
  endif()
  message(STATUS "samples/c coverage:\n${c_out}")
endif()
