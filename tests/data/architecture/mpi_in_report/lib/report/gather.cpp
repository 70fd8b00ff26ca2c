#include <string>
#include <mpi.h>
int gather_all();
