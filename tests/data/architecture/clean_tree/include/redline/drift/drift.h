#pragma once
#include "redline/overlay/coverage.h"
