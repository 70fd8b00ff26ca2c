#include "redline/redline_c.h"
#include "redline/report/table.h"  // the C API stands on report: allowed
int redline_area(void) { return table(); }
