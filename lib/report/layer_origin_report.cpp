#include "report/layer_origin_report.h"

#include "redline/report/area_report.h"
#include "report/read_report_json.h"

namespace redline::detail {

nlohmann::ordered_json origin_json(const LayerOrigin& origin) {
  return {{"source", origin.source}, {"layer", origin.layer}};
}

nlohmann::ordered_json origin_read_json(const LayerOrigin& origin, double repair_delta_m2, AreaUnit unit) {
  nlohmann::ordered_json j = read_report_json(origin.read);
  j["repair_delta"] = from_square_metres(repair_delta_m2, unit);
  return j;
}

std::string origin_title(const LayerOrigin& origin) { return origin.source + " (layer " + origin.layer + ")"; }

void append_read_lines(std::vector<std::string>& lines, const std::string& prefix, const LayerOrigin& origin,
                       double repair_delta_m2, AreaUnit unit) {
  for (const std::string& line : read_report_lines(origin.read, repair_delta_m2, unit, origin.geometry))
    lines.push_back(prefix + line);
}

}  // namespace redline::detail
