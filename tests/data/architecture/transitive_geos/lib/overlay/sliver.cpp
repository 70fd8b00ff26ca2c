#include <vector>

#include "geom/geos_context.h"
int sliver();
