#include <string>
#include <geos_c.h>
int read();
