# The stable C API from a C11 program (C only, strict), linked against the shared libredline
# (the installed library, as an application links it), its figures checked against the CLI's
# --format json for the same jobs (the CLI is run by the program itself).
enable_language(C)
add_executable(capi_test ${CMAKE_CURRENT_LIST_DIR}/capi_test.c)
set_target_properties(capi_test PROPERTIES C_STANDARD 11 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
target_compile_options(capi_test PRIVATE -Wall -Wextra -pedantic -Werror)
target_link_libraries(capi_test PRIVATE redline Threads::Threads)
add_dependencies(capi_test redline_cli)
file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/work/capi)
add_test(NAME CApi.JobsMatchTheCliAndErrorsAreContained
  COMMAND capi_test $<TARGET_FILE:redline_cli> ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/work/capi)
set_tests_properties(CApi.JobsMatchTheCliAndErrorsAreContained PROPERTIES TIMEOUT 600)
