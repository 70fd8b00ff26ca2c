#include "geom/geos_context.h"
