#pragma once
#include <geos_c.h>
#include "redline/geom/geometry.h"
