#pragma once
#include <CLI/CLI.hpp>
#include "redline/redline.h"
