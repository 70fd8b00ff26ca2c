#include "redline/drift/drift.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "drift/drift_engine.h"
#include "drift/drift_options.h"
#include "drift/feature_changes.h"
#include "drift/feature_matchers.h"
#include "drift/layer_version.h"
#include "redline/crs/local_projection.h"
#include "redline/io/reproject.h"

namespace redline {

double DriftResult::reclassified_m2() const {
  double sum = 0.0;
  for (const Reclassification& r : reclassified) sum += r.m2;
  return sum;
}

namespace {

// The result's inputs and settings, before any work.
DriftResult result_header(const Layer& before, const Layer& after, const DriftOptions& options) {
  DriftResult r;
  r.before = origin_of(before);
  r.after = origin_of(after);
  r.method = options.method;
  r.key_field = options.key_field;
  r.class_field = options.class_field;
  r.sliver_width = options.sliver_width;
  r.sliver_area = options.sliver_area;
  r.fast_shift = std::min(options.fast_shift, options.sliver_width / 2);
  r.grid_size = options.grid_size > 0 ? options.grid_size : kDefaultDriftGridSize;
  return r;
}

// Both versions in one CRS, in metres: BEFORE's, or a transverse Mercator centred on BEFORE's
// data when that is in degrees. A version already in it is compared as it is; another is
// copied (before_copy, after_copy) and transformed. `before` and `after` point to the layers
// to compare: the caller's or the copies, so a WorkingVersions is never moved.
struct WorkingVersions {
  Crs crs;
  std::optional<Layer> before_copy, after_copy;
  const Layer* before = nullptr;
  const Layer* after = nullptr;
};

void bring_to_working_crs(WorkingVersions& w, const Layer& before, const Layer& after, unsigned threads,
                          std::vector<std::string>& notes) {
  w.before = &before;
  w.after = &after;
  w.crs = before.crs;
  if (w.crs.is_geographic()) {
    Envelope extent;
    for (const Feature& f : before.features) extent.expand(f.geometry.envelope());
    w.crs = local_transverse_mercator(before.crs, extent);
    notes.push_back(fmt::format("{} is in degrees: both versions were compared in {} (areas on the same ellipsoid)",
                                before.crs.label(), "a transverse Mercator projection centred on the data"));
  }
  if (!w.crs.equivalent_to(before.crs)) {
    w.before_copy = before.clone();
    reproject_layer(*w.before_copy, w.crs, threads);
    w.before = &*w.before_copy;
  }
  if (!w.crs.equivalent_to(after.crs)) {
    w.after_copy = after.clone();
    reproject_layer(*w.after_copy, w.crs, threads);
    w.after = &*w.after_copy;
    if (!after.crs.equivalent_to(before.crs)) {
      notes.push_back(fmt::format("AFTER was transformed from {} to {}", after.crs.label(), before.crs.label()));
    }
  }
}

// Matches by key, with notes on missing and repeated keys.
void match_by_key(DriftResult& r, detail::LayerVersion& b, detail::LayerVersion& a) {
  r.features.matched_by = "key";
  r.features.duplicate_keys = detail::pair_by_key(b, a);
  for (char m : b.key_missing) r.features.missing_keys_before += m ? 1 : 0;
  for (char m : a.key_missing) r.features.missing_keys_after += m ? 1 : 0;
  if (r.features.missing_keys_before || r.features.missing_keys_after) {
    r.notes.push_back(fmt::format("{} BEFORE and {} AFTER feature(s) have no {} value (null, NaN or blank): "
                                  "not matched by key, not even with each other, they count as removed and added",
                                  r.features.missing_keys_before, r.features.missing_keys_after, r.key_field));
  }
  if (r.features.duplicate_keys) {
    r.notes.push_back(fmt::format("{} feature(s) repeat a {} value of their version; repeated keys were matched in "
                                  "feature order", r.features.duplicate_keys, r.key_field));
  }
}

std::optional<std::size_t> field_index_if(const Layer& layer, const std::string& field) {
  if (field.empty()) return std::nullopt;
  return layer.field_index(field);
}

}  // namespace

DriftResult compute_drift(const Layer& before_in, const Layer& after_in, const DriftOptions& options) {
  detail::validate_drift_options(options);
  DriftResult r = result_header(before_in, after_in, options);
  // Unknown fields are refused before any work (field_index throws, listing the fields).
  const std::optional<std::size_t> b_key = field_index_if(before_in, options.key_field);
  const std::optional<std::size_t> a_key = field_index_if(after_in, options.key_field);
  const std::optional<std::size_t> b_class = field_index_if(before_in, options.class_field);
  const std::optional<std::size_t> a_class = field_index_if(after_in, options.class_field);

  WorkingVersions working;
  bring_to_working_crs(working, before_in, after_in, options.threads, r.notes);
  r.crs = working.crs;
  AreaCalculator probe(working.crs, options.method);  // refuses a method that does not suit the CRS

  if (options.progress) options.progress("preparing", 0, 2);
  auto [b, a] = detail::prepare_versions(*working.before, {b_key, b_class}, *working.after, {a_key, a_class},
                                         options.method, options.threads);
  for (double m2 : b.m2) r.before_m2 += m2;
  for (double m2 : a.m2) r.after_m2 += m2;

  // Match features, and find the pairs that differ by a small shift of their vertices only.
  // Pairs matched by overlap (without a key) did not align by geometry: they are overlaid.
  if (b_key) {
    match_by_key(r, b, a);
  } else {
    r.features.matched_by = "geometry";
    detail::pair_by_geometry(b, a, r.fast_shift, options.threads);
  }
  std::vector<std::pair<std::size_t, std::size_t>> candidates;
  for (std::size_t j = 0; j < a.size(); ++j) {
    if (a.partner[j] != detail::kUnmatched) candidates.emplace_back(a.partner[j], j);
  }
  if (!b_key) detail::pair_by_overlap(b, a, std::max(options.sliver_area, 1e-6), r.grid_size, options.threads);
  detail::EdgePairs edge_pairs = detail::align_matched_pairs(b, a, candidates, r.fast_shift, options.threads);
  for (const detail::FeatureAlignment& alignment : edge_pairs.alignments) {
    if (alignment.identical) ++r.work.identical;
    else ++r.work.within_shift;
    r.work.max_shift = std::max(r.work.max_shift, alignment.max_shift);
  }

  detail::DriftEngine engine(b, a, options, r.grid_size, /*with_class=*/b_class.has_value());
  engine.compare(edge_pairs.pairs, edge_pairs.alignments);
  r.work.overlaid = engine.overlaid();
  engine.collect_totals(r);
  detail::list_feature_changes(r, b, a, engine, /*keyed=*/b_key.has_value(), options.key_field);
  if (options.progress) options.progress("done", 1, 1);
  return r;
}

}  // namespace redline
