#include <nlohmann/json.hpp>
#include <fmt/format.h>
#include "redline/report/table.h"
