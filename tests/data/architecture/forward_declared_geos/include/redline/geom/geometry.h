#pragma once
// A forward declaration keeps the header out but not the type.
typedef struct GEOSGeom_t GEOSGeometry;
const GEOSGeometry* raw();
