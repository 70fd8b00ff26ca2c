# The man page redline(1) and the Debian package (CPack), after the install rules of
# CMakeLists.txt and tools/ (every install rule is in the package: library, headers, package
# config, CLI, man page, and when built the Python module and the QGIS plugin).
#
#   cmake --build build --target package       or   cd build && cpack -G DEB
#   -> build/redline_<version>_amd64.deb, installing under /usr (tests/install/deb_package.cmake
#      builds it, unpacks it and runs what it holds)

# ---- man page: help2man reads `redline --help` and every `redline SUB --help` at build time
# (cmake/man_page.cmake), so the page never drifts from the help. Without help2man (Debian
# help2man; scripts/dev deps installs it) the build goes on without a page, and cpack refuses
# to package (below): a package without its man page is not made silently.
find_program(REDLINE_HELP2MAN help2man DOC "help2man, which writes the man page from --help")
find_program(REDLINE_GZIP gzip)
set(REDLINE_MAN_PAGE ${CMAKE_CURRENT_BINARY_DIR}/man/redline.1.gz)
if(REDLINE_HELP2MAN AND REDLINE_GZIP AND NOT CMAKE_CROSSCOMPILING)
  add_custom_command(OUTPUT ${REDLINE_MAN_PAGE}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/man
    COMMAND ${CMAKE_COMMAND} -DHELP2MAN=${REDLINE_HELP2MAN} -DGZIP=${REDLINE_GZIP}
            -DCLI=$<TARGET_FILE:redline_cli> -DOUTPUT=${REDLINE_MAN_PAGE}
            "-DNAME_LINE=areas, coverage, drift and checks for the ecological conservation red line"
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/man_page.cmake
    DEPENDS redline_cli ${CMAKE_CURRENT_SOURCE_DIR}/cmake/man_page.cmake
            ${CMAKE_CURRENT_SOURCE_DIR}/cmake/run_checked.cmake
    COMMENT "Writing the man page redline(1) from redline --help (help2man)"
    VERBATIM)
  add_custom_target(redline_man ALL DEPENDS ${REDLINE_MAN_PAGE})
  install(FILES ${REDLINE_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  set(REDLINE_HAS_MAN_PAGE ON)
else()
  message(WARNING "help2man not found (Debian package help2man): the man page redline(1) is not "
                  "built, and cpack (target package) will refuse to make the Debian package")
  set(REDLINE_HAS_MAN_PAGE OFF)
endif()

# ---- Debian package
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME redline)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# redline_<version>_<arch>.deb, as Debian names packages (no revision: CPACK_DEBIAN_PACKAGE_RELEASE
# is not set).
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "redline maintainers <maintainers@users.noreply.b-seed-3976998b.example>"
    CACHE STRING "Maintainer field of the Debian package")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "spatial control of the ecological conservation red line: areas, coverage, drift, checks")
# The extended description (CPack puts the summary above it and indents it as dpkg wants; an
# empty line separates paragraphs).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "redline measures and checks China's ecological conservation red line
(生态保护红线) and the layers checked against it: ellipsoidal areas and
lengths, coverage, tabulation, overlays, drift between versions, delivery QA,
and the plan's rules as pass/fail checks.

This package holds the command-line tool redline and its man page, and the
shared library libredline with its C++ and C (redline_c.h) headers and CMake
package (find_package(redline)).")
if(REDLINE_PYTHON_MODULE)
  # import redline, compiled for this one Python (its extension module's ABI), and the QGIS
  # Processing plugin over it; QGIS and GeoPandas (GeoDataFrames as inputs) are optional.
  execute_process(COMMAND ${REDLINE_PYTHON_EXECUTABLE} -c "import sys; v = sys.version_info
print('python3 (>= %d.%d~), python3 (<< %d.%d)' % (v[0], v[1], v[0], v[1] + 1), end='')"
                  OUTPUT_VARIABLE CPACK_DEBIAN_PACKAGE_DEPENDS)
  set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qgis, python3-qgis, python3-geopandas")
  # Removal takes the byte code Python wrote beside the package's .py files (cmake/deb/prerm).
  set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${CMAKE_CURRENT_SOURCE_DIR}/cmake/deb/prerm)
  string(APPEND CPACK_DEBIAN_PACKAGE_DESCRIPTION "

It also holds the Python module (import redline) and the QGIS Processing
plugin redline_provider (enable it in QGIS's Plugin Manager).")
endif()
# Depends: what dpkg-shlibdeps finds the library, the CLI and the Python module linked against
# (GDAL, GEOS, PROJ, cairo, Pango, libxlsxwriter, libstdc++ ...), after the Python above;
# libredline itself is in the package.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${CMAKE_CURRENT_BINARY_DIR})
# DEBIAN/shlibs for packages that link libredline, and ldconfig on install and removal.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)   # fast to make: the package test builds it each run
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_GENERATOR "")            # no source package: the git repository is the source
# cpack packages the files the build tree holds; it refuses when the man page could not be
# built (no help2man when CMake configured).
set(REDLINE_CPACK_CHECK ${CMAKE_CURRENT_BINARY_DIR}/cpack_check.cmake)
if(REDLINE_HAS_MAN_PAGE)
  file(WRITE ${REDLINE_CPACK_CHECK} "# redline: the man page is built; nothing to refuse.\n")
else()
  file(WRITE ${REDLINE_CPACK_CHECK}
    "message(FATAL_ERROR \"redline: no man page to package: install help2man (Debian help2man), \"\n"
    "                    \"then configure and build again\")\n")
endif()
set(CPACK_PRE_BUILD_SCRIPTS ${REDLINE_CPACK_CHECK})
include(CPack)
