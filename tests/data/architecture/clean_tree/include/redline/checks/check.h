#pragma once
#include "redline/drift/drift.h"
