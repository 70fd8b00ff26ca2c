#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <cpl_error.h>
#include "redline/io/layer.h"
const char* message = "GEOSGeom_t in a string is no use of GEOS";
OGRLayer* layer();
