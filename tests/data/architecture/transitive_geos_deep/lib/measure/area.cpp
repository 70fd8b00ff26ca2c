#include "geom/geos_context.h"
double area();
