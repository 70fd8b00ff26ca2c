# The fuzz targets in the ordinary suite, without libFuzzer: replay_main.cpp runs each target
# over its committed seed corpus and over the reproducer of every past finding, so a crash the
# fuzzers once found stays fixed in every build, sanitizer builds included (scripts/dev asan).
# The fuzzing itself is scripts/dev fuzz.
include(${CMAKE_CURRENT_LIST_DIR}/targets.cmake)
foreach(target ${REDLINE_FUZZ_TARGETS})
  add_executable(fuzz_replay_${target}
    ${CMAKE_CURRENT_LIST_DIR}/${target}_fuzzer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/replay_main.cpp)
  target_link_libraries(fuzz_replay_${target} PRIVATE redline GEOS::geos_c)
  target_compile_options(fuzz_replay_${target} PRIVATE ${REDLINE_WARNINGS})
  set(inputs ${CMAKE_CURRENT_LIST_DIR}/corpus/${target})
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/data/fuzz/${target})
    list(APPEND inputs ${CMAKE_CURRENT_SOURCE_DIR}/data/fuzz/${target})
  endif()
  add_test(NAME Fuzz.${target}.CorpusAndFindings COMMAND fuzz_replay_${target} ${inputs})
  set_tests_properties(Fuzz.${target}.CorpusAndFindings PROPERTIES TIMEOUT 300)
endforeach()
