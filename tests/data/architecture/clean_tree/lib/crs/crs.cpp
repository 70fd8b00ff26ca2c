#include <proj.h>
#include "redline/crs/crs.h"
PJ_CONTEXT* proj_context();
