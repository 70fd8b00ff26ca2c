#pragma once
#include "geos_handle.h"
