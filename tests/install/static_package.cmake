# A static libredline's installed package links a program: configures redline with
# BUILD_SHARED_LIBS=OFF (no tests) in WORK_DIR/redline-static, builds it, then runs
# link_example.cmake on that build (install, build samples/link_example, run it, check the areas),
# so that redlineConfig.cmake must find every private dependency itself.
#
#   cmake -DREDLINE_SOURCE_DIR=<repo> -DWORK_DIR=<scratch> [-DCXX_COMPILER=<c++>]
#         [-DCOMPILER_LAUNCHER=<ccache>] [-DGENERATOR=<generator>] <link_example.cmake variables>
#         -P static_package.cmake
foreach(var REDLINE_SOURCE_DIR WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "static_package.cmake: ${var} is not set")
  endif()
endforeach()
set(static_build "${WORK_DIR}/redline-static")
set(options -DBUILD_SHARED_LIBS=OFF -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=Release)
if(CXX_COMPILER)
  list(APPEND options "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
endif()
if(COMPILER_LAUNCHER)
  list(APPEND options "-DCMAKE_CXX_COMPILER_LAUNCHER=${COMPILER_LAUNCHER}")
endif()
if(GENERATOR)
  list(APPEND options -G "${GENERATOR}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${REDLINE_SOURCE_DIR}" -B "${static_build}" ${options}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring the static build failed (${rc}):\n${out}\n${err}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${static_build}" -j 2
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the static build failed (${rc}):\n${out}\n${err}")
endif()
if(NOT EXISTS "${static_build}/libredline.a")
  message(FATAL_ERROR "${static_build}/libredline.a was not built: BUILD_SHARED_LIBS=OFF ignored?")
endif()
set(REDLINE_BUILD_DIR "${static_build}")
set(WORK_DIR "${WORK_DIR}/link")
include(${CMAKE_CURRENT_LIST_DIR}/link_example.cmake)
