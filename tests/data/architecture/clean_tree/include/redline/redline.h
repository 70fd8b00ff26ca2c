#pragma once
#include "redline/error.h"
#include "redline/report/table.h"
