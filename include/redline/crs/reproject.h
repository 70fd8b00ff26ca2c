#pragma once
// TEMPORARY forwarding header: reproject_layer() moved to the io floor (a Layer is an io
// concept). Include "redline/io/reproject.h" instead; this file goes once lib/drift/drift.cpp
// and redline/redline.h include the new header. It runs up a floor (crs -> io) on purpose and
// nothing in crs includes it.
#include "redline/io/reproject.h"
