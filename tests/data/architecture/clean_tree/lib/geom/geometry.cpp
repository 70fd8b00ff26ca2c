#include "geos_context.h"   // relative to this file
#include "util/text.h"
GEOSContextHandle_t context();
