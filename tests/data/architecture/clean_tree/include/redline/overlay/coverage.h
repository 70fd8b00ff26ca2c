#pragma once
#include "redline/measure/area.h"
