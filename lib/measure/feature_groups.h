#pragma once
// Private: a layer's per-feature figures gathered per feature and per group of an attribute,
// the same way for areas (area_summary.h) and lengths (length_summary.h): features in layer
// order, groups sorted by key with the null group (null or NaN values) last, sums accumulated
// in feature order so the result does not depend on the thread count that measured them.
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "redline/io/layer.h"
#include "redline/io/layer_origin.h"
#include "redline/io/layer_stream.h"
#include "redline/progress.h"
#include "util/parallel.h"

namespace redline::detail {

/// The indexes of the grouping and the naming attribute in `layer` (nullopt for ""). Throws
/// UsageError listing the layer's fields for an unknown one.
struct FieldIndexes {
  std::optional<std::size_t> group, id;
  FieldIndexes(const Layer& layer, const std::string& group_field, const std::string& id_field) {
    if (!group_field.empty()) group = layer.field_index(group_field);
    if (!id_field.empty()) id = layer.field_index(id_field);
  }

  /// Sets out.fid, out.id (the id attribute, else the FID) and out.group, out.group_missing
  /// from feature `f`.
  template <typename Out>
  void identify(const Feature& f, Out& out) const {
    out.fid = f.fid;
    out.id = id ? to_string(f.values[*id]) : std::to_string(f.fid);
    if (group) {
      out.group_missing = is_missing(f.values[*group]);
      if (!out.group_missing) out.group = to_string(f.values[*group]);
    }
  }
};

/// Per-feature figures gathered batch by batch (a layer whole is one batch): features in layer
/// order (kept only when asked: they are what grows with the layer), groups by key with the null
/// group (null or NaN values) last, the total and each group's sum accumulated in feature order.
/// FeatureT has fid, id, group, group_missing and the figure member `feature_figure`; GroupT has
/// key, null_key, features and the figure member `group_figure`.
template <typename FeatureT, typename GroupT>
class FigureTally {
 public:
  FigureTally(const FieldIndexes& fields, double FeatureT::*feature_figure, double GroupT::*group_figure,
              bool keep_features)
      : fields_(fields), feature_figure_(feature_figure), group_figure_(group_figure), keep_(keep_features) {}

  /// Adds `figures[i]` of `features[i]`, in order.
  void add(const std::vector<Feature>& features, const std::vector<double>& figures) {
    if (keep_) features_.reserve(features_.size() + features.size());
    for (std::size_t i = 0; i < features.size(); ++i) {
      ++count_;
      total_ += figures[i];
      if (!keep_ && !fields_.group) continue;
      FeatureT out;
      fields_.identify(features[i], out);
      out.*feature_figure_ = figures[i];
      if (fields_.group) {
        GroupT& g = by_key_[{out.group_missing, out.group}];
        g.key = out.group;
        g.null_key = out.group_missing;
        ++g.features;
        g.*group_figure_ += figures[i];
      }
      if (keep_) features_.push_back(std::move(out));
    }
  }

  double total() const { return total_; }
  std::size_t count() const { return count_; }

  /// Moves the features (when kept) and the groups, sorted, out.
  void finish(std::vector<FeatureT>& features, std::vector<GroupT>& groups) {
    features = std::move(features_);
    for (auto& entry : by_key_) groups.push_back(std::move(entry.second));
    by_key_.clear();
  }

 private:
  const FieldIndexes& fields_;
  double FeatureT::*feature_figure_;
  double GroupT::*group_figure_;
  bool keep_;
  std::map<std::pair<bool, std::string>, GroupT> by_key_;  // (missing, text): null group last
  std::vector<FeatureT> features_;
  double total_ = 0.0;
  std::size_t count_ = 0;
};

/// A layer measured batch after batch (a layer whole is one batch) into a Summary
/// (AreaSummary, LengthSummary) by one figure per feature: each batch measured on the workers
/// with a Calculator each (made on first use, kept from batch to batch, serving one thread at a
/// time), then tallied in feature order (FigureTally), with an optional second figure per
/// feature summed in order too (the area's repair delta). Progress ("measuring", features so
/// far) is reported from the calling thread. Not movable: make it in place.
template <typename Summary, typename Calculator, typename FeatureT, typename GroupT>
class LayerMeasurer {
 public:
  /// measure(calculator, feature, second) returns the feature's figure and may set `second`.
  using MeasureFn = std::function<double(const Calculator&, const Feature&, double&)>;
  /// `options` (AreaOptions, LengthOptions) give the method, the fields, threads, progress and
  /// whether rows per feature are kept; the figures go to `total` and (unless null) `second`
  /// of the Summary. Throws UsageError for an unknown field, then what the Calculator's
  /// constructor throws (a method the CRS refuses).
  template <typename Options>
  LayerMeasurer(const Layer& layer, const Options& options, std::function<Calculator()> make_calculator,
                MeasureFn measure, double FeatureT::*feature_figure, double GroupT::*group_figure,
                double Summary::*total, double Summary::*second)
      : layer_(layer), fields_(layer, options.group_field, options.id_field),
        tally_(fields_, feature_figure, group_figure, options.keep_features), threads_(options.threads),
        progress_(options.progress), make_(std::move(make_calculator)), measure_(std::move(measure)),
        calculators_(resolve_threads(options.threads)), total_(total), second_(second) {
    static_cast<void>(make_());  // a method the CRS refuses stops here, before any work
    summary_.crs = layer.crs;
    summary_.method = options.method;
    summary_.group_field = options.group_field;
  }
  LayerMeasurer(const LayerMeasurer&) = delete;
  LayerMeasurer& operator=(const LayerMeasurer&) = delete;

  /// Measures and tallies `features`. Errors are rethrown naming the feature.
  void add(const std::vector<Feature>& features) {
    const std::size_t n = features.size();
    figures_.assign(n, 0.0);
    seconds_.assign(n, 0.0);
    constexpr std::size_t kChunk = 256;
    struct NoState {};
    parallel_for_with_state(n, threads_, [] { return NoState{}; },
                            [&](std::size_t i, NoState&, unsigned worker) {
      std::optional<Calculator>& calc = calculators_[worker];
      if (!calc) calc.emplace(make_());
      try {
        figures_[i] = measure_(*calc, features[i], seconds_[i]);
      } catch (const Error& e) {
        rethrow_with_location(e, layer_.where(features[i].fid));
      }
    }, kChunk);
    tally_.add(features, figures_);
    for (double v : seconds_) second_total_ += v;
    if (progress_) progress_("measuring", tally_.count(), 0);
  }

  /// Returns the summary, with the layer's origin as its report now stands.
  Summary finish() {
    summary_.origin = origin_of(layer_);
    summary_.feature_count = tally_.count();
    summary_.*total_ = tally_.total();
    if (second_) summary_.*second_ = second_total_;
    tally_.finish(summary_.features, summary_.groups);
    if (progress_) progress_("measuring", summary_.feature_count, summary_.feature_count);
    return std::move(summary_);
  }

 private:
  const Layer& layer_;
  const FieldIndexes fields_;
  FigureTally<FeatureT, GroupT> tally_;
  unsigned threads_;
  ProgressFn progress_;
  std::function<Calculator()> make_;
  MeasureFn measure_;
  std::vector<std::optional<Calculator>> calculators_;
  std::vector<double> figures_, seconds_;
  double second_total_ = 0.0;
  double Summary::*total_;
  double Summary::*second_;
  Summary summary_;
};

/// The summary made by `make(layer)` (a LayerMeasurer, made in place) of `layer`'s features, one
/// batch.
template <typename Make>
auto summarize_layer(const Layer& layer, Make&& make) {
  auto measurer = make(layer);
  measurer.add(layer.features);
  return measurer.finish();
}

/// The same summary of the layer at `path`, streamed: each batch measured as it is read and
/// dropped (io/layer_stream.h); finished once the stream's report is complete. Errors come in
/// the order read_layer() then the summary would throw them: an error of the summary (an
/// unknown field, a method the CRS refuses, a vertex that cannot be measured) waits until the
/// layer is read to its end, so that any error of reading comes first.
template <typename Make>
auto summarize_stream(const std::string& path, const ReadOptions& read, Make&& make) {
  using Measurer = decltype(make(std::declval<const Layer&>()));
  struct InPlace {  // a Measurer made in place (it cannot move)
    Measurer value;
    InPlace(Make& m, const Layer& layer) : value(m(layer)) {}
  };
  LayerStream stream(path, read);
  std::optional<InPlace> measurer;
  std::exception_ptr failure;
  try {
    measurer.emplace(make, stream.layer());
  } catch (const Error&) {
    failure = std::current_exception();
  }
  while (auto batch = stream.next()) {
    if (failure) continue;  // read on: an error of reading comes first
    try {
      measurer->value.add(batch->features);
    } catch (const Error&) {
      failure = std::current_exception();
    }
  }
  if (failure) std::rethrow_exception(failure);
  return measurer->value.finish();
}

}  // namespace redline::detail
