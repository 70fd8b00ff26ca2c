# The floors (issue 9): scripts/check-architecture on the real tree, and on fixture trees that
# each break one rule, so that the checker is seen to fail (python3, standard library only).
set(REDLINE_ARCHITECTURE_PYTHON /usr/bin/python3)
add_test(NAME Architecture.FloorsHold
         COMMAND ${REDLINE_ARCHITECTURE_PYTHON} ${PROJECT_SOURCE_DIR}/scripts/check-architecture
                 --root ${PROJECT_SOURCE_DIR})
add_test(NAME Architecture.CheckerCatchesEachRule
         COMMAND ${REDLINE_ARCHITECTURE_PYTHON}
                 ${CMAKE_CURRENT_LIST_DIR}/checker_catches_each_rule.py
                 ${PROJECT_SOURCE_DIR}/scripts/check-architecture
                 ${CMAKE_CURRENT_SOURCE_DIR}/data/architecture)
set_tests_properties(Architecture.FloorsHold Architecture.CheckerCatchesEachRule
                     PROPERTIES TIMEOUT 60)
