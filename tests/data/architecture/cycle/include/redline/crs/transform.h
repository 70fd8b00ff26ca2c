#pragma once
// crs.h again: the ring closes
#include "redline/crs/crs.h"
