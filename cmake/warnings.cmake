# REDLINE_WARNINGS: the warning flags of every target of the project (library, CLI, tests, test
# support, fuzz targets): target_compile_options(<target> PRIVATE ${REDLINE_WARNINGS}).
#
# REDLINE_WERROR (DEFAULT: OFF) makes every warning an error. CI turns it on (.ci/run sets
# REDLINE_WERROR=ON in the environment of scripts/dev, which passes it to CMake); a developer's
# build keeps warnings as warnings, so that a newer compiler's new warning does not stop the
# README's quick start.
option(REDLINE_WERROR "Treat compiler warnings as errors on every target (CI)" OFF)
set(REDLINE_WARNINGS -Wall -Wextra -Wpedantic)
if(REDLINE_WERROR)
  list(APPEND REDLINE_WARNINGS -Werror)
endif()
