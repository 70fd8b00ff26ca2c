#pragma once
#include "redline/checks/check.h"
