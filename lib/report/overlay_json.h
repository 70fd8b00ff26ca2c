#pragma once
// Private: the JSON the overlay reports (coverage, tabulate, overlay) share.
#include <string>

#include <nlohmann/json.hpp>

#include "redline/io/layer.h"
#include "redline/measure/units.h"

namespace redline::detail {

/// Returns one input's read report (read_report_json()) with "repair_delta": the area change
/// from repairing its invalid polygons, `repair_delta_m2` in `unit`.
nlohmann::ordered_json input_read_json(const ReadReport& read, double repair_delta_m2, AreaUnit unit);

/// Returns `json` as the tools print it: indented by 2, ending in a newline, invalid UTF-8 in
/// names replaced by U+FFFD (a GBK name read as UTF-8 must not stop the report).
std::string report_json_text(const nlohmann::ordered_json& json);

}  // namespace redline::detail
