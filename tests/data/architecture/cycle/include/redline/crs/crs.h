#pragma once
#include "redline/crs/reproject.h"
