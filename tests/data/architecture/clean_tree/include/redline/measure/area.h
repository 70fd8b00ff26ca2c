#pragma once
#include "redline/io/layer.h"
