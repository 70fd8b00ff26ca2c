#include "report/overlay_json.h"

namespace redline::detail {

std::string report_json_text(const nlohmann::ordered_json& json) {
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace redline::detail
