#include "report/overlay_json.h"

#include "redline/report/area_report.h"
#include "report/read_report_json.h"

namespace redline::detail {

nlohmann::ordered_json input_read_json(const ReadReport& read, double repair_delta_m2, AreaUnit unit) {
  nlohmann::ordered_json j = read_report_json(read);
  j["repair_delta"] = from_square_metres(repair_delta_m2, unit);
  return j;
}

std::string report_json_text(const nlohmann::ordered_json& json) {
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace redline::detail
