#pragma once
#include "redline/error.h"
#include "overlay/piece_set.h"
