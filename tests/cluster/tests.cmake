# redline batch (issue 13): the catalogue run in one process (GoogleTest, through the CLI) and,
# in a build with MPI, under mpirun -np 2 and 4, compared byte for byte (python3).
redline_test(batch_tests
  ${CMAKE_CURRENT_LIST_DIR}/batch_cli_test.cpp)

if(MPI_CXX_FOUND AND MPIEXEC_EXECUTABLE)
  add_test(NAME Batch.MpirunMatchesOneProcess
           COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/batch_mpi_test.py
                   $<TARGET_FILE:redline_cli> ${MPIEXEC_EXECUTABLE}
                   ${PROJECT_SOURCE_DIR}/tests/data/cluster ${CMAKE_CURRENT_BINARY_DIR}/batch_mpi)
  set_tests_properties(Batch.MpirunMatchesOneProcess PROPERTIES TIMEOUT 600)
endif()
