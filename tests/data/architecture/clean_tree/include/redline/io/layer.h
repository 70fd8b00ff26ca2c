#pragma once
#include <string>
#include "redline/crs/crs.h"
