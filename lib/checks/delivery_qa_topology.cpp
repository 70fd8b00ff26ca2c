// Delivery QA, topology: features overlapping each other, and parts of the boundary no feature
// covers. The overlay floor finds both (redline/overlay/overlaps.h, gaps.h); QA names them.
#include <fmt/format.h>

#include "checks/delivery_qa_parts.h"
#include "redline/overlay/gaps.h"
#include "redline/overlay/overlaps.h"
#include "redline/overlay/sliver.h"

namespace redline::detail {
namespace {

OverlapOptions engine_options(const QaOptions& options) {
  OverlapOptions o;
  o.method = options.method;
  o.sliver_width_metres = options.noise_width_metres;
  o.threads = options.threads;
  o.progress = options.progress;
  return o;
}

// " (a sliver: thinner than 0.5 m)" when the piece is thinner than the QA sliver width.
std::string sliver_words(GeometryView piece, const QaOptions& options, const Crs& crs) {
  if (options.sliver_width_metres <= 0 ||
      !is_sliver(piece, sliver_width_in_crs_units(options.sliver_width_metres, crs))) {
    return "";
  }
  return fmt::format(" (a sliver: thinner than {:g} m)", options.sliver_width_metres);
}

}  // namespace

void find_self_overlaps(const Layer& layer, const QaOptions& options, std::optional<std::size_t> key_field,
                        std::vector<QaFinding>& out, double& area_m2, std::size_t& noise) {
  OverlapResult r = find_overlaps(layer, engine_options(options));
  area_m2 = r.total_area_m2;
  noise = r.slivers;
  for (OverlapPair& pair : r.pairs) {
    QaFinding f;
    f.kind = QaFindingKind::Overlap;
    f.features.push_back(qa_feature(layer, pair.first, key_field));
    f.features.push_back(qa_feature(layer, pair.second, key_field));
    f.x = pair.x;
    f.y = pair.y;
    f.area_m2 = pair.area_m2;
    f.detail = fmt::format("{} and {} overlap{}", qa_feature_words(f.features[0], options.key_field),
                           qa_feature_words(f.features[1], options.key_field),
                           sliver_words(pair.piece, options, layer.crs));
    if (options.keep_geometries) f.geometry = std::move(pair.piece);
    out.push_back(std::move(f));
  }
}

void find_boundary_gaps(const Layer& layer, const Layer& within, const QaOptions& options,
                        std::vector<QaFinding>& out, double& area_m2, std::size_t& noise) {
  GapResult r = find_gaps(layer, within, engine_options(options));
  area_m2 = r.total_area_m2;
  noise = r.slivers;
  for (Gap& gap : r.gaps) {
    QaFinding f;
    f.kind = QaFindingKind::Gap;
    f.x = gap.x;
    f.y = gap.y;
    f.area_m2 = gap.area_m2;
    f.detail = "no feature covers this part of the boundary" + sliver_words(gap.piece, options, layer.crs);
    if (options.keep_geometries) f.geometry = std::move(gap.piece);
    out.push_back(std::move(f));
  }
}

}  // namespace redline::detail
