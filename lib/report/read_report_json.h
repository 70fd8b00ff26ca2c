#pragma once
// Private: the "read" object every JSON report carries (what reading a layer found and did).
#include <nlohmann/json.hpp>

#include "redline/io/layer.h"

namespace redline {

/// Returns the read report as JSON: counts, encoding, notes and one entry per issue
/// ({"fid", "kind", "action", "reason", "x", "y"}).
nlohmann::ordered_json read_report_json(const ReadReport& report);

}  // namespace redline
