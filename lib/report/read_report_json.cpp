#include "report/read_report_json.h"

namespace redline {

nlohmann::ordered_json read_report_json(const ReadReport& r) {
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  for (const auto& is : r.issues) {
    nlohmann::ordered_json j = {{"fid", is.fid}, {"kind", to_string(is.kind)},
                        {"action", to_string(is.action)}, {"reason", is.reason}};
    if (is.x) j["x"] = *is.x, j["y"] = *is.y;
    issues.push_back(std::move(j));
  }
  nlohmann::ordered_json j = {{"features", r.features},
          {"null_geometries", r.null_geometries},
          {"empty_geometries", r.empty_geometries},
          {"invalid", r.invalid},
          {"repaired", r.repaired},
          {"skipped", r.skipped},
          {"flattened", r.flattened},
          {"linearised", r.linearised},
          {"encoding", r.encoding},
          {"notes", r.notes},
          {"issues", std::move(issues)}};
  // Only line layers have them: polygon reports stay as they were.
  if (r.degenerate_lines) j["degenerate_lines"] = r.degenerate_lines;
  // Only a layer read through a spatial prefilter (tabulate's classes) has them: features
  // counted but not read further (not validated, so not in invalid, repaired...).
  if (r.filtered_out) j["filtered_out"] = r.filtered_out;
  return j;
}

}  // namespace redline
