#include "cli/common.h"
#include "redline/version.h"
