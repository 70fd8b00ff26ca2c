#pragma once
#include "redline/report/table.h"
