#pragma once
#include "redline/geom/geometry.h"
