#include "redline/measure/length_summary.h"

#include <optional>

#include "measure/feature_groups.h"
#include "redline/io/layer_stream.h"
#include "util/parallel.h"

namespace redline {

namespace {

// The lengths of a line layer, batch after batch (as area_summary.cpp's AreaTally).
class LengthTally {
 public:
  LengthTally(const Layer& layer, const LengthOptions& options)
      : layer_(layer), options_(options), fields_(layer, options.group_field, options.id_field),
        tally_(fields_, &FeatureLength::m, &GroupLength::m, options.keep_features) {
    if (layer.geometry != LayerGeometry::Lines) {
      throw InputError("the layer holds polygons, not lines: lengths are measured on lines; measure "
                       "polygons by area (redline area)",
                       layer.where());
    }
    // Refuses the method in this CRS before any work.
    static_cast<void>(LengthCalculator(layer.crs, options.method));
    calculators_.resize(detail::resolve_threads(options.threads));
  }

  void add(const std::vector<Feature>& features) {
    const std::size_t n = features.size();
    lengths_.assign(n, 0.0);
    constexpr std::size_t kChunk = 256;
    struct NoState {};
    // One calculator per worker, kept from batch to batch; each serves one thread at a time.
    detail::parallel_for_with_state(n, options_.threads, [] { return NoState{}; },
                                    [&](std::size_t i, NoState&, unsigned worker) {
      std::optional<LengthCalculator>& calc = calculators_[worker];
      if (!calc) calc.emplace(layer_.crs, options_.method);
      try {
        lengths_[i] = calc->length(features[i].geometry);
      } catch (const Error& e) {
        rethrow_with_location(e, layer_.where(features[i].fid));
      }
    }, kChunk);
    tally_.add(features, lengths_);
    if (options_.progress) options_.progress("measuring", tally_.count(), 0);
  }

  LengthSummary finish() {
    LengthSummary s{origin_of(layer_), layer_.crs, options_.method, options_.group_field, 0.0, {}, {}};
    s.total_m = tally_.total();
    s.feature_count = tally_.count();
    tally_.finish(s.features, s.groups);
    if (options_.progress) options_.progress("measuring", s.feature_count, s.feature_count);
    return s;
  }

 private:
  const Layer& layer_;
  const LengthOptions& options_;
  const detail::FieldIndexes fields_;
  detail::FigureTally<FeatureLength, GroupLength> tally_;
  std::vector<std::optional<LengthCalculator>> calculators_;
  std::vector<double> lengths_;
};

}  // namespace

LengthSummary summarize_lengths(const Layer& layer, const LengthOptions& options) {
  LengthTally tally(layer, options);
  tally.add(layer.features);
  return tally.finish();
}

LengthSummary summarize_lengths(const std::string& path, const ReadOptions& read,
                                const LengthOptions& options) {
  LayerStream stream(path, read);
  LengthTally tally(stream.layer(), options);
  while (auto batch = stream.next()) tally.add(batch->features);
  return tally.finish();
}

}  // namespace redline
