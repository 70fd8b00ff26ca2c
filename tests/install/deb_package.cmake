# The Debian package, built and used as a user would, without root and without touching /usr:
#  1. cpack -G DEB from the build tree into WORK_DIR (its own folder: other tests run beside it);
#  2. its file name (Debian's redline_<version>_<arch>.deb) and control fields (dpkg-deb -f):
#     Package, Version, Architecture, Depends from dpkg-shlibdeps naming GDAL and GEOS and not
#     the package itself, Maintainer, Section, Description; shlibs, and ldconfig in postinst;
#  3. its file list (dpkg-deb -c): everything under ./usr; the library with its soname links,
#     every public header of the source tree plus the generated ones, the CMake package, the
#     CLI, the man page;
#  4. dpkg-deb -x into WORK_DIR/root, then from there:
#     - the package config names no build or source path and no other package's target;
#     - the CLI resolves libredline from the unpacked tree (ldd), prints its version, and its
#       coverage of the sample's reserves by the red line (JSON) is byte for byte the build
#       tree's CLI's;
#     - man -l renders the page without a troff warning; it has a section for every subcommand
#       that `redline --help` lists, holding every long option of that subcommand's --help;
#     - samples/link_example is configured against the unpacked package (find_package), built,
#       run, and its areas checked against the oracles (link_example.cmake);
#     - with C_SAMPLE_DIR (and link_example.cmake's C_SAMPLE_GPKG, REDLINE_CLI): samples/c, the
#       C API's program, built the same way, prints the build tree's `redline coverage` table;
#     - with PYTHON_DIR: deb_python_check.py imports redline from the unpacked tree and gets the
#       CLI's coverage JSON; with QGIS_PLUGINS_DIR and QGIS_PROCESS, qgis_process runs the
#       unpacked plugin and gets the CLI's figures.
#
#   cmake -DCPACK=<cpack> -DCPACK_CONFIG=<build>/CPackConfig.cmake -DWORK_DIR=<scratch>
#         -DPACKAGE_FILE=<expected .deb name> -DVERSION=<x.y.z> -DARCH=<dpkg arch>
#         -DLIBDIR=<lib dir under the prefix> -DBUILD_CLI=<build tree's redline>
#         -DBUILD_DIR=<build> -DSOURCE_DIR=<repo> -DDPKG_DEB=<dpkg-deb> -DMAN=<man> -DLDD=<ldd>
#         [-DPYTHON=<python3> -DPYTHON_DIR=<dir under the prefix>]
#         [-DQGIS_PLUGINS_DIR=<dir under the prefix> -DQGIS_PLUGIN_SOURCE=<repo>/tools/qgis/<plugin>
#          [-DQGIS_PROCESS=<qgis_process.bin>]]
#         <link_example.cmake variables but REDLINE_BUILD_DIR and WORK_DIR (C_SAMPLE_DIR ...)>
#         -P deb_package.cmake
cmake_minimum_required(VERSION 3.22)
foreach(var CPACK CPACK_CONFIG WORK_DIR PACKAGE_FILE VERSION ARCH LIBDIR BUILD_CLI BUILD_DIR
            SOURCE_DIR DPKG_DEB MAN LDD)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "deb_package.cmake: ${var} is not set")
  endif()
endforeach()

string(TIMESTAMP started "%s")
function(step what)
  string(TIMESTAMP now "%s")
  math(EXPR seconds "${now} - ${started}")
  message(STATUS "[${seconds} s] ${what}")
endfunction()

include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/run_checked.cmake)

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

# ---- 1. build the package
step("cpack -G DEB")
run_checked(ignored "cpack -G DEB"
            "${CPACK}" -G DEB --config "${CPACK_CONFIG}" -B "${WORK_DIR}/cpack")
file(GLOB debs RELATIVE "${WORK_DIR}/cpack" "${WORK_DIR}/cpack/*.deb")
if(NOT debs STREQUAL PACKAGE_FILE)
  message(FATAL_ERROR "cpack made '${debs}', expected the one package ${PACKAGE_FILE}")
endif()
set(deb "${WORK_DIR}/cpack/${PACKAGE_FILE}")

# ---- 2. control fields
step("control fields")
function(field name out_var)
  run_checked(value "dpkg-deb -f ${name}" "${DPKG_DEB}" -f "${deb}" ${name})
  string(STRIP "${value}" value)
  set(${out_var} "${value}" PARENT_SCOPE)
endfunction()
foreach(check "Package=redline" "Version=${VERSION}" "Architecture=${ARCH}" "Section=science")
  string(REPLACE "=" ";" check "${check}")
  list(GET check 0 name)
  list(GET check 1 expected)
  field(${name} value)
  if(NOT value STREQUAL expected)
    message(FATAL_ERROR "${PACKAGE_FILE}: ${name} is '${value}', expected '${expected}'")
  endif()
endforeach()
field(Depends depends)
message(STATUS "Depends: ${depends}")
foreach(library libgdal libgeos-c libproj libstdc\\+\\+)
  if(NOT depends MATCHES "(^|, )${library}[0-9a-z.-]* \\(>= ")
    message(FATAL_ERROR "${PACKAGE_FILE}: Depends has no versioned ${library}: '${depends}'")
  endif()
endforeach()
if(depends MATCHES "(^|, )redline[ ,]|libredline")
  message(FATAL_ERROR "${PACKAGE_FILE} depends on itself: '${depends}'")
endif()
field(Maintainer maintainer)
if(NOT maintainer MATCHES "^[^<>]+ <[^<>@ ]+@[^<> ]+>$")
  message(FATAL_ERROR "${PACKAGE_FILE}: Maintainer '${maintainer}' is not 'Name <address>'")
endif()
field(Description description)
if(NOT description MATCHES "\n redline measures")
  message(FATAL_ERROR "${PACKAGE_FILE}: Description has no extended text:\n${description}")
endif()
run_checked(shlibs "dpkg-deb -I shlibs" "${DPKG_DEB}" -I "${deb}" shlibs)
if(NOT shlibs MATCHES "^libredline 0 redline \\(>= ${VERSION}\\)")
  message(FATAL_ERROR "${PACKAGE_FILE}: shlibs is '${shlibs}'")
endif()
run_checked(postinst "dpkg-deb -I postinst" "${DPKG_DEB}" -I "${deb}" postinst)
if(NOT postinst MATCHES "ldconfig")
  message(FATAL_ERROR "${PACKAGE_FILE}: postinst does not run ldconfig:\n${postinst}")
endif()

if(PYTHON_DIR)
  run_checked(prerm "dpkg-deb -I prerm" "${DPKG_DEB}" -I "${deb}" prerm)
  if(NOT prerm MATCHES "py3clean -p redline")
    message(FATAL_ERROR "${PACKAGE_FILE}: prerm does not remove Python's byte code:\n${prerm}")
  endif()
  file(WRITE "${WORK_DIR}/prerm" "${prerm}")
  run_checked(ignored "sh -n prerm" sh -n "${WORK_DIR}/prerm")
endif()

# ---- 3. file list
step("file list")
run_checked(listing "dpkg-deb -c" "${DPKG_DEB}" -c "${deb}")
string(REGEX MATCHALL "[^\n]+" lines "${listing}")
set(entries)   # "path" or "path -> target"
foreach(line ${lines})
  if(NOT line MATCHES " \\./(.*)$")
    message(FATAL_ERROR "cannot read the dpkg-deb -c line '${line}'")
  endif()
  set(entry "${CMAKE_MATCH_1}")
  if(NOT entry MATCHES "^usr/")
    message(FATAL_ERROR "${PACKAGE_FILE} installs outside /usr: ./${entry}")
  endif()
  list(APPEND entries "${entry}")
endforeach()
string(REGEX MATCH "^([0-9]+)\\." soversion "${VERSION}")
set(soversion "${CMAKE_MATCH_1}")
set(required
  "usr/bin/redline"
  "usr/${LIBDIR}/libredline.so.${VERSION}"
  "usr/${LIBDIR}/libredline.so.${soversion} -> libredline.so.${VERSION}"
  "usr/${LIBDIR}/libredline.so -> libredline.so.${soversion}"
  "usr/${LIBDIR}/cmake/redline/redlineConfig.cmake"
  "usr/${LIBDIR}/cmake/redline/redlineConfigVersion.cmake"
  "usr/${LIBDIR}/cmake/redline/redlineTargets.cmake"
  "usr/include/redline/version.h"
  "usr/include/redline/export.h"
  "usr/share/man/man1/redline.1.gz")
file(GLOB_RECURSE headers RELATIVE "${SOURCE_DIR}/include" "${SOURCE_DIR}/include/redline/*.h")
list(FILTER headers EXCLUDE REGEX "(^|/)\\.[^/]*$")   # hidden files are not installed
list(LENGTH headers n_headers)
if(n_headers LESS 20)
  message(FATAL_ERROR "only ${n_headers} public headers under ${SOURCE_DIR}/include")
endif()
foreach(header ${headers})
  list(APPEND required "usr/include/${header}")
endforeach()
if(C_SAMPLE_DIR)   # the C API's header
  list(APPEND required "usr/include/redline/redline_c.h")
endif()
if(PYTHON_DIR)   # import redline: the package and its compiled module
  list(APPEND required "usr/${PYTHON_DIR}/redline/__init__.py")
  if(NOT entries MATCHES "(^|;)usr/${PYTHON_DIR}/redline/_redline\\.[a-z0-9_.-]*so(;|$)")
    message(FATAL_ERROR "${PACKAGE_FILE} lacks the compiled module "
                        "usr/${PYTHON_DIR}/redline/_redline.*.so")
  endif()
endif()
if(QGIS_PLUGINS_DIR)   # the QGIS plugin: every file of the source folder QGIS needs
  file(GLOB plugin_files RELATIVE "${QGIS_PLUGIN_SOURCE}" "${QGIS_PLUGIN_SOURCE}/*.py"
       "${QGIS_PLUGIN_SOURCE}/metadata.txt")
  list(FILTER plugin_files EXCLUDE REGEX "^\\.")   # hidden files are not installed
  get_filename_component(plugin_name "${QGIS_PLUGIN_SOURCE}" NAME)
  foreach(file ${plugin_files})
    list(APPEND required "usr/${QGIS_PLUGINS_DIR}/${plugin_name}/${file}")
  endforeach()
endif()
foreach(path ${required})
  if(NOT path IN_LIST entries)
    message(FATAL_ERROR "${PACKAGE_FILE} lacks ./${path}; it holds:\n${listing}")
  endif()
endforeach()
list(LENGTH entries n_entries)
message(STATUS "${PACKAGE_FILE}: ${n_entries} entries, all of the ${n_headers} public headers")

# ---- 4. unpacked: the package config, the CLI, the man page, a program linking the library
step("dpkg-deb -x")
set(root "${WORK_DIR}/root")
run_checked(ignored "dpkg-deb -x" "${DPKG_DEB}" -x "${deb}" "${root}")
set(prefix "${root}/usr")
set(cli "${prefix}/bin/redline")
set(env_libs "LD_LIBRARY_PATH=${prefix}/${LIBDIR}")

file(GLOB config_files "${prefix}/${LIBDIR}/cmake/redline/*.cmake")
foreach(file ${config_files})
  file(READ "${file}" text)
  foreach(tree "${BUILD_DIR}" "${SOURCE_DIR}")
    string(FIND "${text}" "${tree}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "${file} names the tree it was built in (${tree})")
    endif()
  endforeach()
  # IMPORTED_LINK_DEPENDENT_LIBRARIES only helps the linker find libredline's own DT_NEEDED
  # (-rpath-link); a target named there that does not exist is skipped.
  string(REGEX REPLACE "IMPORTED_LINK_DEPENDENT_LIBRARIES[A-Z_]* \"[^\"]*\"" "" text "${text}")
  string(REGEX MATCHALL "[A-Za-z_0-9]+::[A-Za-z_0-9]+" targets "${text}")
  foreach(target ${targets})
    if(NOT target MATCHES "^(redline|_cmake_[a-z_]+redline)::")   # or CMake's own bookkeeping
      message(FATAL_ERROR "${file} needs ${target}, which the package does not declare")
    endif()
  endforeach()
endforeach()

step("the CLI from the package")
run_checked(ldd_out "ldd ${cli}" "${CMAKE_COMMAND}" -E env "${env_libs}" "${LDD}" "${cli}")
if(NOT ldd_out MATCHES "libredline\\.so\\.${soversion} => ([^ \n]+)")
  message(FATAL_ERROR "${cli} does not load libredline.so.${soversion}:\n${ldd_out}")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL "${prefix}/${LIBDIR}/libredline.so.${soversion}")
  message(FATAL_ERROR "${cli} loads ${CMAKE_MATCH_1}, not the package's library")
endif()
run_checked(version_out "${cli} --version"
            "${CMAKE_COMMAND}" -E env "${env_libs}" "${cli}" --version)
if(NOT version_out STREQUAL "redline ${VERSION}\n")
  message(FATAL_ERROR "${cli} --version printed '${version_out}'")
endif()
set(sample "${SOURCE_DIR}/samples/huichang/huichang.gpkg")
set(coverage_args coverage "${sample}" --layer reserves --by BHDMC
                  --within "${sample}" --within-layer redline --format json --threads 2)
run_checked(from_package "the package's redline coverage"
    "${CMAKE_COMMAND}" -E env "${env_libs}" "${cli}" ${coverage_args})
run_checked(from_build "the build tree's redline coverage" "${BUILD_CLI}" ${coverage_args})
require_same("the package's redline coverage" "${from_package}" "${from_build}"
             "the build tree's")
if(NOT from_package MATCHES "\"total\": {[^}]*\"inside\": [0-9]")
  message(FATAL_ERROR "redline coverage printed no coverage:\n${from_package}")
endif()

step("man -l")
run_checked(page "man -l" "${CMAKE_COMMAND}" -E env MANWIDTH=120 LC_ALL=C.UTF-8
    "${MAN}" -l "${prefix}/share/man/man1/redline.1.gz")
if(NOT page_stderr STREQUAL "")
  message(FATAL_ERROR "man -l warns:\n${page_stderr}")
endif()
if(NOT page MATCHES "\nSUBCOMMANDS\n" OR NOT page MATCHES "redline ${VERSION}")
  message(FATAL_ERROR "the man page has no SUBCOMMANDS section or no version:\n${page}")
endif()
run_checked(help "redline --help" "${BUILD_CLI}" --help)
string(FIND "${help}" "\nSubcommands:\n" at)
string(SUBSTRING "${help}" ${at} -1 help)
string(REGEX MATCHALL "\n  [a-z][a-z0-9-]*  " listed "${help}")
set(subcommands)
set(sections)   # the offset of each subcommand's section in the rendered page
foreach(entry ${listed})
  string(STRIP "${entry}" sub)
  string(FIND "${page}" "\n   redline ${sub}\n" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the man page has no section 'redline ${sub}'")
  endif()
  list(APPEND subcommands ${sub})
  list(APPEND sections ${at})
endforeach()
list(LENGTH subcommands n_subcommands)
if(n_subcommands LESS 5)
  message(FATAL_ERROR "redline --help lists only: ${subcommands}")
endif()
list(APPEND sections -1)
math(EXPR last "${n_subcommands} - 1")
foreach(i RANGE ${last})
  list(GET subcommands ${i} sub)
  list(GET sections ${i} begin)
  math(EXPR next "${i} + 1")
  list(GET sections ${next} end)
  if(end EQUAL -1)
    string(SUBSTRING "${page}" ${begin} -1 section)
  else()
    math(EXPR length "${end} - ${begin}")
    string(SUBSTRING "${page}" ${begin} ${length} section)
  endif()
  run_checked(sub_help "redline ${sub} --help" "${BUILD_CLI}" ${sub} --help)
  string(REGEX MATCHALL "\n  +(-[a-z],)?--[a-z][a-z0-9-]*" options "${sub_help}")
  foreach(option ${options})
    string(REGEX REPLACE ".*(--[a-z0-9-]+)$" "\\1" option "${option}")
    string(FIND "${section}" "${option}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR
              "the man page's 'redline ${sub}' lacks ${option} of redline ${sub} --help")
    endif()
  endforeach()
endforeach()
message(STATUS "man page: every one of ${subcommands} with its options")

if(PYTHON_DIR)
  file(WRITE "${WORK_DIR}/coverage.json" "${from_package}")
  set(qgis_args)
  if(QGIS_PLUGINS_DIR AND QGIS_PROCESS)
    step("import redline and the QGIS plugin (qgis_process) from the package")
    set(qgis_args "${prefix}/${QGIS_PLUGINS_DIR}" "${QGIS_PROCESS}")
  else()
    step("import redline from the package")
  endif()
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -E env "${env_libs}" "PYTHONPATH=${prefix}/${PYTHON_DIR}"
            PYTHONNOUSERSITE=1
            "${PYTHON}" "${CMAKE_CURRENT_LIST_DIR}/deb_python_check.py" "${prefix}" "${PYTHON_DIR}"
            "${sample}" "${WORK_DIR}/coverage.json" ${qgis_args}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "deb_python_check.py exited ${rc}:\n${out}\n${err}")
  endif()
  message(STATUS "${out}")
endif()

step("samples/link_example (and with C_SAMPLE_DIR samples/c) against the package")
set(REDLINE_PREFIX "${prefix}")
set(WORK_DIR "${WORK_DIR}/link_example")
include(${CMAKE_CURRENT_LIST_DIR}/link_example.cmake)
step("done")
