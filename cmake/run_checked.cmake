# run_checked(<out var> <what> COMMAND...): runs the command; its standard output goes to
# <out var> and its standard error to <out var>_stderr; a non-zero exit stops the script with
# <what>, the exit code, and both outputs. For the scripts run with cmake -P (man_page.cmake,
# tests/install/deb_package.cmake).
function(run_checked out_var what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
  set(${out_var}_stderr "${err}" PARENT_SCOPE)
endfunction()

# require_same(<what> <text> <expected> <oracle>): stops the script when <what> printed <text>
# where <oracle> printed <expected>.
function(require_same what text expected oracle)
  if(NOT text STREQUAL expected)
    message(FATAL_ERROR "${what} printed\n${text}\n${oracle} printed\n${expected}")
  endif()
endfunction()
