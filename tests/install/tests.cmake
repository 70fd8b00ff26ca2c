# The installed package works for a program outside the tree: cmake --install, then
# samples/link_example (C++) and samples/c (C, the stable C API) configured with
# find_package(redline), built, run and checked.
# A libredline built with sanitizers (REDLINE_SANITIZE) needs their runtime linked into the
# program, first in its library list.
set(example_linker_flags "")
if(REDLINE_SANITIZE)
  set(example_linker_flags "-fsanitize=${REDLINE_SANITIZE}")
endif()
# How link_example.cmake builds samples/link_example, and the oracle areas of its cases (units
# of 1e-10 ha), shared by the package tests.
set(link_example_args
  -DEXAMPLE_SOURCE_DIR=${PROJECT_SOURCE_DIR}/samples/link_example
  -DGENERATOR=${CMAKE_GENERATOR}
  "-DEXAMPLE_LINKER_FLAGS=${example_linker_flags}"
  -DCASES=2
  # /usr/bin/python3 tests/oracles/area_planimeter.py tests/data/area/large_4527.shp --zone 39
  #   -> 620385351.34977174 m² = 62038.535134977174 ha
  -DCASE1_FILE=${PROJECT_SOURCE_DIR}/tests/data/area/large_4527.shp
  -DCASE1_EXPECTED=620385351349772
  # /usr/bin/python3 tests/oracles/area_planimeter.py samples/huichang/huichang.gpkg \
  #     --layer county --zone 39   -> 2710694433.7085152 m² = 271069.44337085152 ha
  -DCASE2_FILE=${PROJECT_SOURCE_DIR}/samples/huichang/huichang.gpkg
  -DCASE2_LAYER=county
  -DCASE2_EXPECTED=2710694433708515)
# and samples/c, the C API's sample, against the same package (its oracle: the CLI); not for
# the static package (a C program does not link libstdc++ for a static C++ library).
set(c_sample_args
  -DC_SAMPLE_DIR=${PROJECT_SOURCE_DIR}/samples/c
  -DC_SAMPLE_GPKG=${PROJECT_SOURCE_DIR}/samples/huichang/huichang.gpkg
  -DREDLINE_CLI=$<TARGET_FILE:redline_cli>)
add_test(NAME Install.LinkedSampleMeasuresAreas
  COMMAND ${CMAKE_COMMAND}
    -DREDLINE_BUILD_DIR=${PROJECT_BINARY_DIR}
    -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/work/install_link_example
    ${link_example_args}
    ${c_sample_args}
    -P ${CMAKE_CURRENT_LIST_DIR}/link_example.cmake)
set_tests_properties(Install.LinkedSampleMeasuresAreas PROPERTIES TIMEOUT 300)

# The shared library exports its public API (REDLINE_EXPORT) and nothing of redline::detail.
if(BUILD_SHARED_LIBS)
  add_test(NAME Library.ExportsPublicApiOnly
    COMMAND ${CMAKE_COMMAND} -DNM=${CMAKE_NM} -DLIBRARY=$<TARGET_FILE:redline>
      -DINCLUDE_DIR=${PROJECT_SOURCE_DIR}/include -P ${CMAKE_CURRENT_LIST_DIR}/exported_symbols.cmake)
endif()

# REDLINE_TEST_STATIC_PACKAGE (DEFAULT: OFF, README "Using redline from another CMake project"):
# the same check on a static build (BUILD_SHARED_LIBS=OFF) of redline, configured and built by
# the test itself, so that the package config must find every private dependency. Off by
# default because it compiles the library a second time (minutes without a warm ccache).
option(REDLINE_TEST_STATIC_PACKAGE "Test that a static build's installed package links samples/link_example" OFF)
if(REDLINE_TEST_STATIC_PACKAGE)
  add_test(NAME Install.StaticPackageLinksSample
    COMMAND ${CMAKE_COMMAND}
      -DREDLINE_SOURCE_DIR=${PROJECT_SOURCE_DIR}
      -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/work/install_static_package
      -DCXX_COMPILER=${CMAKE_CXX_COMPILER}
      "-DCOMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER}"
      ${link_example_args}
      -P ${CMAKE_CURRENT_LIST_DIR}/static_package.cmake)
  set_tests_properties(Install.StaticPackageLinksSample PROPERTIES TIMEOUT 1200)
endif()

# The Debian package (cmake/packaging.cmake): cpack builds it into the test's own folder, then
# its name, control fields and file list are checked, and it is unpacked (dpkg-deb -x, no root)
# and its CLI, man page and CMake package are used from there (deb_package.cmake says how).
find_program(REDLINE_DPKG_DEB dpkg-deb)
find_program(REDLINE_DPKG dpkg)
find_program(REDLINE_MAN man)
find_program(REDLINE_LDD ldd)
if(BUILD_SHARED_LIBS AND REDLINE_DPKG_DEB AND REDLINE_DPKG)
  execute_process(COMMAND ${REDLINE_DPKG} --print-architecture
                  OUTPUT_VARIABLE deb_arch OUTPUT_STRIP_TRAILING_WHITESPACE)
  # import redline and the QGIS plugin from the package, when they are built. Not in a
  # sanitizer build: its module needs the sanitizer runtime loaded before Python starts.
  set(deb_python_args)
  if(REDLINE_PYTHON_MODULE AND NOT REDLINE_SANITIZE)
    find_program(REDLINE_QGIS_PROCESS qgis_process.bin)   # QGIS is optional (Suggests)
    set(deb_python_args
      -DPYTHON=${REDLINE_PYTHON_EXECUTABLE}
      -DPYTHON_DIR=${REDLINE_PYTHON_INSTALL_DIR}
      -DQGIS_PLUGINS_DIR=${REDLINE_QGIS_INSTALL_DIR}
      -DQGIS_PLUGIN_SOURCE=${REDLINE_QGIS_PLUGIN_DIR})
    if(REDLINE_QGIS_PROCESS)
      list(APPEND deb_python_args -DQGIS_PROCESS=${REDLINE_QGIS_PROCESS})
    endif()
  endif()
  add_test(NAME Install.DebianPackage
    COMMAND ${CMAKE_COMMAND}
      -DCPACK=${CMAKE_CPACK_COMMAND}
      -DCPACK_CONFIG=${PROJECT_BINARY_DIR}/CPackConfig.cmake
      -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/work/install_deb_package
      -DPACKAGE_FILE=redline_${PROJECT_VERSION}_${deb_arch}.deb
      -DVERSION=${PROJECT_VERSION}
      -DARCH=${deb_arch}
      -DLIBDIR=${CMAKE_INSTALL_LIBDIR}
      -DBUILD_CLI=$<TARGET_FILE:redline_cli>
      -DBUILD_DIR=${PROJECT_BINARY_DIR}
      -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
      -DDPKG_DEB=${REDLINE_DPKG_DEB}
      -DMAN=${REDLINE_MAN}
      -DLDD=${REDLINE_LDD}
      ${link_example_args}
      ${c_sample_args}
      ${deb_python_args}
      -P ${CMAKE_CURRENT_LIST_DIR}/deb_package.cmake)
  set_tests_properties(Install.DebianPackage PROPERTIES TIMEOUT 300)
endif()

# The CLI runs on jemalloc when built so (REDLINE_JEMALLOC, CMakeLists.txt): jemalloc's own
# statistics, which only jemalloc prints, appear at exit when MALLOC_CONF asks for them. A
# linker that dropped the library (--as-needed) or a library ahead of it defining malloc would
# leave the system malloc in charge, and this test would fail.
if(REDLINE_JEMALLOC)
  add_test(NAME Build.CliRunsOnJemalloc
    COMMAND ${CMAKE_COMMAND} -E env MALLOC_CONF=stats_print:true $<TARGET_FILE:redline_cli> --version)
  set_tests_properties(Build.CliRunsOnJemalloc PROPERTIES
    PASS_REGULAR_EXPRESSION "Begin jemalloc statistics")
endif()
