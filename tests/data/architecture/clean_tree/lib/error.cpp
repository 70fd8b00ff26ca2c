#include "redline/error.h"
#include "redline/version.h"
#include "util/text.h"
