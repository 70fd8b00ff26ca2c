#include "redline/measure/area_summary.h"

#include <optional>

#include "measure/feature_groups.h"
#include "redline/io/layer_stream.h"
#include "util/parallel.h"

namespace redline {

namespace {

// The areas of a layer, batch after batch: each batch measured on the workers, then tallied in
// feature order, so the figures do not depend on the thread count or the batches.
class AreaTally {
 public:
  AreaTally(const Layer& layer, const AreaOptions& options)
      : layer_(layer), options_(options), fields_(layer, options.group_field, options.id_field),
        tally_(fields_, &FeatureArea::m2, &GroupArea::m2, options.keep_features) {
    if (layer.geometry == LayerGeometry::Lines) {
      throw InputError("the layer holds lines, not polygons: areas are measured on polygons; "
                       "measure lines by length (redline length)",
                       layer.where());
    }
    AreaCalculator probe(layer.crs, options.method);  // validates method vs CRS up front
    calculators_.resize(detail::resolve_threads(options.threads));
  }

  void add(const std::vector<Feature>& features) {
    const std::size_t n = features.size();
    areas_.assign(n, 0.0);
    repair_.assign(n, 0.0);
    constexpr std::size_t kChunk = 256;
    struct NoState {};
    // One calculator per worker, kept from batch to batch; each serves one thread at a time.
    detail::parallel_for_with_state(n, options_.threads, [] { return NoState{}; },
                                    [&](std::size_t i, NoState&, unsigned worker) {
      std::optional<AreaCalculator>& calc = calculators_[worker];
      if (!calc) calc.emplace(layer_.crs, options_.method);
      const Feature& f = features[i];
      try {
        areas_[i] = calc->area(f.geometry);
        if (!f.original.is_null()) repair_[i] = areas_[i] - calc->area(f.original);
      } catch (const Error& e) {
        rethrow_with_location(e, layer_.where(f.fid));
      }
    }, kChunk);
    tally_.add(features, areas_);
    for (double delta : repair_) repair_delta_m2_ += delta;
    if (options_.progress) options_.progress("measuring", tally_.count(), 0);
  }

  AreaSummary finish() {
    AreaSummary s;
    s.origin = origin_of(layer_);
    s.crs = layer_.crs;
    s.method = options_.method;
    s.group_field = options_.group_field;
    s.total_m2 = tally_.total();
    s.feature_count = tally_.count();
    tally_.finish(s.features, s.groups);
    s.repair_delta_m2 = repair_delta_m2_;
    if (options_.progress) options_.progress("measuring", s.feature_count, s.feature_count);
    return s;
  }

 private:
  const Layer& layer_;
  const AreaOptions& options_;
  const detail::FieldIndexes fields_;
  detail::FigureTally<FeatureArea, GroupArea> tally_;
  std::vector<std::optional<AreaCalculator>> calculators_;
  std::vector<double> areas_, repair_;
  double repair_delta_m2_ = 0.0;
};

}  // namespace

AreaSummary summarize_areas(const Layer& layer, const AreaOptions& options) {
  AreaTally tally(layer, options);
  tally.add(layer.features);
  return tally.finish();
}

AreaSummary summarize_areas(const std::string& path, const ReadOptions& read, const AreaOptions& options) {
  LayerStream stream(path, read);
  AreaTally tally(stream.layer(), options);
  while (auto batch = stream.next()) tally.add(batch->features);
  return tally.finish();  // the stream's report is complete now
}

}  // namespace redline
