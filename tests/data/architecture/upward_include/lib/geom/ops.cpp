#include "redline/overlay/coverage.h"  // geom reaching up to overlay
int ops() { return coverage(); }
