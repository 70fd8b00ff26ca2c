# The sample county's invariants and the generator's determinism, checked in Python with
# shapely/pyproj: oracles independent of redline's own code.
set(REDLINE_SAMPLE_PYTHON /usr/bin/python3)
add_test(NAME Sample.Invariants
         COMMAND ${REDLINE_SAMPLE_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/test_sample_invariants.py ${PROJECT_SOURCE_DIR})
add_test(NAME Sample.GeneratorIsDeterministic
         COMMAND ${REDLINE_SAMPLE_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/test_generator_determinism.py ${PROJECT_SOURCE_DIR})
set_tests_properties(Sample.Invariants Sample.GeneratorIsDeterministic PROPERTIES TIMEOUT 300)

# Same figures for any thread count, on the sample (C++: the library itself).
redline_test(sample_tests ${CMAKE_CURRENT_LIST_DIR}/thread_count_test.cpp)
target_link_libraries(sample_tests PRIVATE nlohmann_json::nlohmann_json)
