// Delivery QA, invalid geometry: what reading found wrong with each feature's geometry. Reading
// has already judged every feature (GEOS validity, null and empty geometries, non-polygons); QA
// lists those judgements as findings instead of judging again.
#include <fmt/format.h>

#include <unordered_map>

#include "checks/delivery_qa_parts.h"

namespace redline::detail {
namespace {

bool is_geometry_finding(FeatureIssue::Kind kind) {
  switch (kind) {
    case FeatureIssue::Kind::NullGeometry:
    case FeatureIssue::Kind::EmptyGeometry:
    case FeatureIssue::Kind::Invalid:
    case FeatureIssue::Kind::NotPolygon:
    case FeatureIssue::Kind::NotLine:         // QA reads polygons; listed should a reader ever report them
    case FeatureIssue::Kind::DegenerateLine:
      return true;
    case FeatureIssue::Kind::Flattened:   // Z or M dropped: nothing wrong with the polygon
    case FeatureIssue::Kind::Linearised:  // curves: a format choice, not a defect
      return false;
  }
  return false;
}

std::string describe(const FeatureIssue& issue, const Crs& crs) {
  std::string words = to_string(issue.kind);
  if (!issue.reason.empty()) words += ": " + issue.reason;
  if (issue.action != FeatureIssue::Action::Counted) words += " (" + to_string(issue.action) + ")";
  if (issue.area_before && issue.area_after) {
    // Shoelace areas in the CRS plane (ReadReport's): m² in a projected CRS.
    words += fmt::format("; area as drawn {:.2f}, after repair {:.2f} {}", *issue.area_before, *issue.area_after,
                         crs.is_geographic() ? "square degrees" : "m² (planar)");
  }
  return words;
}

}  // namespace

void find_invalid_geometries(const Layer& layer, const QaOptions& options, std::optional<std::size_t> key_field,
                             std::vector<QaFinding>& out) {
  std::unordered_map<std::int64_t, std::size_t> index_of_fid;
  index_of_fid.reserve(layer.features.size());
  for (std::size_t i = 0; i < layer.features.size(); ++i) index_of_fid.emplace(layer.features[i].fid, i);

  for (const FeatureIssue& issue : layer.report.issues) {
    if (!is_geometry_finding(issue.kind)) continue;
    QaFinding f;
    f.kind = QaFindingKind::Invalid;
    f.detail = describe(issue, layer.crs);
    const auto found = index_of_fid.find(issue.fid);
    if (found == index_of_fid.end()) {
      // Skipped by reading: only its FID is known.
      f.features.push_back(QaFeature{issue.fid, ""});
    } else {
      const Feature& feature = layer.features[found->second];
      f.features.push_back(qa_feature(layer, found->second, key_field));
      const GeometryView drawn = feature.original.is_null() ? GeometryView(feature.geometry) : GeometryView(feature.original);
      if (!issue.x) {
        if (const auto centre = box_centre(drawn)) {
          f.x = centre->first;
          f.y = centre->second;
        }
      }
      if (options.keep_geometries && !drawn.is_null()) f.geometry = drawn.clone();
    }
    if (issue.x) {
      f.x = issue.x;
      f.y = issue.y;
    }
    out.push_back(std::move(f));
  }
}

}  // namespace redline::detail
