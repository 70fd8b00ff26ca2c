#include "redline/redline_c.h"  // report reaching up to the C API
int table() { return redline_area(); }
