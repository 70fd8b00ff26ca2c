#pragma once
#include "redline/crs/transform.h"
