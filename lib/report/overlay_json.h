#pragma once
// Private: the JSON the overlay reports (coverage, tabulate, overlay) share.
#include <string>

#include <nlohmann/json.hpp>


namespace redline::detail {

/// Returns `json` as the tools print it: indented by 2, ending in a newline, invalid UTF-8 in
/// names replaced by U+FFFD (a GBK name read as UTF-8 must not stop the report).
std::string report_json_text(const nlohmann::ordered_json& json);

}  // namespace redline::detail
