#pragma once
#include <stddef.h>
#include <string>  /* a C++ header: no C program could include this */
#include "redline/report/table.h"
int redline_area(void);
