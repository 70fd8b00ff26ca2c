#pragma once
// Private: how every report prints its JSON, so that the text is the same in every tool.
#include <string>

#include <nlohmann/json.hpp>

namespace redline::detail {

/// Returns `json` indented by 2 and ending in a newline. Text that escaped the readers' UTF-8
/// checks is replaced (U+FFFD) instead of aborting the report (nlohmann would throw).
inline std::string json_text(const nlohmann::ordered_json& json) {
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace redline::detail
