// no-overlap, max-inside and no-gaps: conflicts between layers, and a layer's own topology.
#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "checks/check_kinds.h"
#include "redline/checks/threshold.h"
#include "redline/measure/quantity_format.h"
#include "redline/overlay/coverage.h"
#include "redline/overlay/gaps.h"
#include "redline/overlay/overlaps.h"
#include "redline/overlay/sliver.h"

namespace redline::detail {

namespace {

// How features of one layer are named in listings: by `key` when the layer has that attribute,
// else by FID. The checked layer must have the key (required = true): a misspelt key there is
// refused, not replaced by FIDs.
class FeatureNames {
 public:
  FeatureNames(const Layer& layer, const std::string& key, bool required) : layer_(layer) {
    if (key.empty()) return;
    if (required) {
      index_ = layer.field_index(key);
      return;
    }
    for (std::size_t i = 0; i < layer.fields.size(); ++i) {
      if (layer.fields[i].name == key) index_ = i;
    }
  }
  std::string operator()(std::size_t feature) const {
    const Feature& f = layer_.features[feature];
    return index_ ? to_string(f.values[*index_]) : std::to_string(f.fid);
  }

 private:
  const Layer& layer_;
  std::optional<std::size_t> index_;
};

// The decimals a conflict is shown and compared with: the unit's, more (up to 8) when a real
// conflict would print as 0 — "0.00 ha" beside 未达标 would say nothing.
int decimals_showing(double value, AreaUnit unit) {
  int d = comparison_decimals(unit);
  while (d < 8 && value > 0 && std::round(value * std::pow(10.0, d)) == 0) ++d;
  return d;
}

// Starts a result whose figure is an area that must stay at most `limit_m2`.
void start_limit(const CheckSpec& spec, double value_m2, double limit_m2, CheckResult& r) {
  const AreaUnit u = spec.unit;
  r.unit = unit_name(u);
  r.comparison = "<=";
  r.value = from_square_metres(value_m2, u);
  r.threshold = from_square_metres(limit_m2, u);
  r.decimals = decimals_showing(r.value, u);
  // Nothing may conflict: any conflict fails, however small it prints.
  if (limit_m2 == 0 && value_m2 > 0) r.passed = false;
}

std::string area_text(double m2, AreaUnit u, int decimals) {
  return format_number(from_square_metres(m2, u), decimals) + " " + unit_name(u);
}

OverlapOptions overlap_options(const CheckSpec& spec, unsigned threads) {
  OverlapOptions o;
  o.method = spec.method;
  o.threads = threads;
  o.sliver_width_metres = spec.sliver_width_m.value_or(kDefaultSliverWidthMetres);
  return o;
}

// One listed overlap, from any `with` layer.
struct ListedPair {
  std::size_t with = 0;  // index into spec.with (0 against itself)
  const OverlapPair* pair = nullptr;
};

void run_no_overlap(const CheckSpec& spec, LayerSource& layers, unsigned threads, bool keep, CheckResult& r,
                    Details& details) {
  std::shared_ptr<const Layer> layer = layers.filtered(spec.layer, spec.where);
  const FeatureNames first_names(*layer, spec.key, true);
  const OverlapOptions options = overlap_options(spec, threads);
  const AreaUnit u = spec.unit;
  const bool self = spec.with.empty();
  // Against itself, or against each `with` layer in turn.
  std::vector<std::shared_ptr<const Layer>> others;
  std::vector<OverlapResult> found;
  std::vector<std::string> labels;
  if (self) {
    found.push_back(find_overlaps(*layer, options));
    labels.push_back(spec.layer.label());
    others.push_back(layer);
  } else {
    for (const LayerRef& with : spec.with) {
      others.push_back(layers.filtered(with, {}));
      found.push_back(find_overlaps(*layer, *others.back(), options));
      labels.push_back(with.label());
    }
  }
  double total_m2 = 0.0, sliver_m2 = 0.0;
  std::size_t slivers = 0, pairs_total = 0;
  std::vector<ListedPair> listed;
  for (std::size_t w = 0; w < found.size(); ++w) {
    total_m2 += found[w].total_area_m2;
    sliver_m2 += found[w].sliver_area_m2;
    slivers += found[w].slivers;
    pairs_total += found[w].pairs.size();
    for (const OverlapPair& p : found[w].pairs) listed.push_back({w, &p});
  }
  start_limit(spec, total_m2, spec.max_overlap_m2.value_or(parse_max_area(std::string(kDefaultMaxOverlap))), r);
  std::stable_sort(listed.begin(), listed.end(), [](const ListedPair& a, const ListedPair& b) {
    if (a.pair->area_m2 != b.pair->area_m2) return a.pair->area_m2 > b.pair->area_m2;
    if (a.with != b.with) return a.with < b.with;
    return std::make_pair(a.pair->first, a.pair->second) < std::make_pair(b.pair->first, b.pair->second);
  });
  std::vector<FeatureNames> second_names;
  for (const auto& other : others) second_names.emplace_back(*other, spec.key, self);

  Details by_layer = Details::array();
  for (std::size_t w = 0; w < found.size(); ++w) {
    // The features with a part in a conflict: of the layer (both sides against itself), of the other.
    std::vector<std::size_t> features, seconds;
    for (const OverlapPair& p : found[w].pairs) {
      features.push_back(p.first);
      (self ? features : seconds).push_back(p.second);
    }
    for (std::vector<std::size_t>* v : {&features, &seconds}) {
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    by_layer.push_back({{"layer", labels[w]},
                        {"area", from_square_metres(found[w].total_area_m2, u)},
                        {"pairs", found[w].pairs.size()},
                        {"features", features.size()},
                        {"with_features", self ? features.size() : seconds.size()}});
    const std::string area = area_text(found[w].total_area_m2, u, r.decimals);
    if (self) {
      if (found[w].pairs.empty()) {
        r.notes.push_back(fmt::format("no two features of {} overlap", labels[w]));
      } else {
        r.findings.push_back(fmt::format("{} features of {} overlap each other in {} pair(s): {}", features.size(),
                                         labels[w], found[w].pairs.size(), area));
      }
    } else {
      if (found[w].pairs.empty()) {
        r.notes.push_back(fmt::format("no feature of {} overlaps {}", spec.layer.label(), labels[w]));
      } else {
        r.findings.push_back(fmt::format("{} feature(s) of {} overlap {} feature(s) of {} in {} pair(s): {}",
                                         features.size(), spec.layer.label(), seconds.size(), labels[w],
                                         found[w].pairs.size(), area));
      }
    }
  }
  Details pairs = Details::array();
  for (std::size_t i = 0; i < listed.size() && i < kMaxListedConflicts; ++i) {
    const OverlapPair& p = *listed[i].pair;
    pairs.push_back({{"layer", labels[listed[i].with]},
                     {"first", first_names(p.first)},
                     {"second", second_names[listed[i].with](p.second)},
                     {"area", from_square_metres(p.area_m2, u)},
                     {"x", p.x},
                     {"y", p.y}});
  }
  // The largest pairs in words; all of them (up to the cap) are in the details.
  constexpr std::size_t kPairsInWords = 10;
  for (std::size_t i = 0; i < listed.size() && i < kPairsInWords; ++i) {
    const OverlapPair& p = *listed[i].pair;
    r.findings.push_back(fmt::format("  {} × {}{}: {} at ({:.2f}, {:.2f})", first_names(p.first),
                                     second_names[listed[i].with](p.second),
                                     found.size() < 2 ? "" : " (" + labels[listed[i].with] + ")",
                                     area_text(p.area_m2, u, r.decimals), p.x, p.y));
  }
  if (listed.size() > kPairsInWords) {
    r.findings.push_back(fmt::format("  ... and {} more pair(s), listed in the details", listed.size() - kPairsInWords));
  }
  if (slivers > 0) {
    r.notes.push_back(fmt::format("{} overlap(s) thinner than {:g} m not counted (slivers: {})", slivers,
                                  options.sliver_width_metres, area_text(sliver_m2, u, decimals_showing(from_square_metres(sliver_m2, u), u))));
  }
  details["with"] = Details::array();
  if (!self) details["with"] = labels;
  details["key"] = spec.key.empty() ? "fid" : spec.key;
  details["area_unit"] = unit_name(u);
  details["overlap_area"] = r.value;
  details["by_layer"] = std::move(by_layer);
  details["pairs_total"] = pairs_total;
  details["pairs"] = std::move(pairs);
  details["slivers"] = slivers;
  details["sliver_area"] = from_square_metres(sliver_m2, u);
  details["sliver_width"] = options.sliver_width_metres;
  if (keep) {
    auto g = new_check_geometries(found.empty() ? layer->crs : found[0].crs, unit_name(u));
    for (const ListedPair& l : listed) {
      const OverlapPair& p = *l.pair;
      g->overlaps.push_back({labels[l.with], first_names(p.first), second_names[l.with](p.second),
                             from_square_metres(p.area_m2, u), p.piece.clone()});
    }
    r.geometries = std::move(g);
  }
}

void run_max_inside(const CheckSpec& spec, LayerSource& layers, unsigned threads, bool keep, CheckResult& r,
                    Details& details) {
  std::shared_ptr<const Layer> layer = layers.filtered(spec.layer, spec.where);
  std::shared_ptr<const Layer> within = layers.filtered(*spec.within, {});
  CoverageOptions co;
  co.engine.method = spec.method;
  co.engine.threads = threads;
  co.id_field = spec.key;
  co.sliver_width = spec.sliver_width_m.value_or(kDefaultSliverWidthMetres);
  co.keep_geometries = keep;
  const CoverageResult c = compute_coverage(*layer, *within, co);
  const AreaUnit u = spec.unit;
  if (spec.max_percent) {
    r.unit = "%";
    r.comparison = "<=";
    r.value = c.total.percent();
    r.threshold = *spec.max_percent;
    r.decimals = 2;
    while (r.decimals < 8 && r.value > 0 && std::round(r.value * std::pow(10.0, r.decimals)) == 0) ++r.decimals;
    if (*spec.max_percent == 0 && c.total.inside_m2 > 0) r.passed = false;
  } else {
    start_limit(spec, c.total.inside_m2, *spec.max_area_m2, r);
  }
  const int d = decimals_showing(from_square_metres(c.total.inside_m2, u), u);
  std::vector<const FeatureCoverage*> inside;
  for (const FeatureCoverage& f : c.features) {
    if (f.inside_m2 > 0) inside.push_back(&f);
  }
  std::stable_sort(inside.begin(), inside.end(), [](const FeatureCoverage* a, const FeatureCoverage* b) {
    return a->inside_m2 > b->inside_m2;
  });
  Details features = Details::array();
  for (std::size_t i = 0; i < inside.size() && i < kMaxListedConflicts; ++i) {
    features.push_back({{"key", inside[i]->id},
                        {"inside", from_square_metres(inside[i]->inside_m2, u)},
                        {"percent", inside[i]->percent()}});
  }
  details["within"] = spec.within->label();
  details["key"] = spec.key.empty() ? "fid" : spec.key;
  details["area_unit"] = unit_name(u);
  details["inside"] = from_square_metres(c.total.inside_m2, u);
  details["area"] = from_square_metres(c.total.area_m2, u);
  details["percent"] = c.total.percent();
  details["features_inside"] = inside.size();
  details["features"] = std::move(features);
  details["slivers"] = c.sliver_features;
  if (inside.empty()) {
    r.notes.push_back(fmt::format("no feature of {} lies inside {}", spec.layer.label(), spec.within->label()));
  } else {
    r.findings.push_back(fmt::format("{} of {} feature(s) of {} have area inside {}: {} ({} % of {})", inside.size(),
                                     c.features.size(), spec.layer.label(), spec.within->label(),
                                     area_text(c.total.inside_m2, u, d), format_number(c.total.percent(), 2),
                                     area_text(c.total.area_m2, u, display_decimals(u))));
  }
  constexpr std::size_t kFeaturesInWords = 10;
  for (std::size_t i = 0; i < inside.size() && i < kFeaturesInWords; ++i) {
    r.findings.push_back(fmt::format("  {}: {} inside ({} %)", inside[i]->id, area_text(inside[i]->inside_m2, u, d),
                                     format_number(inside[i]->percent(), 2)));
  }
  if (inside.size() > kFeaturesInWords) {
    r.findings.push_back(fmt::format("  ... and {} more feature(s), listed in the details", inside.size() - kFeaturesInWords));
  }
  if (keep) {
    auto g = new_check_geometries(c.crs, unit_name(u));
    for (const FeatureCoverage* f : inside) {
      g->inside.push_back({spec.within->label(), f->id, "", from_square_metres(f->inside_m2, u), f->inside.clone()});
    }
    r.geometries = std::move(g);
  }
}

void run_no_gaps(const CheckSpec& spec, LayerSource& layers, unsigned threads, bool keep, CheckResult& r,
                 Details& details) {
  std::shared_ptr<const Layer> layer = layers.filtered(spec.layer, spec.where);
  std::shared_ptr<const Layer> within = layers.filtered(*spec.within, {});
  const OverlapOptions options = overlap_options(spec, threads);
  const GapResult g = find_gaps(*layer, *within, options);
  const AreaUnit u = spec.unit;
  start_limit(spec, g.total_area_m2, spec.max_gap_m2.value_or(parse_max_area(std::string(kDefaultMaxGap))), r);
  Details gaps = Details::array();
  for (std::size_t i = 0; i < g.gaps.size() && i < kMaxListedConflicts; ++i) {
    gaps.push_back({{"x", g.gaps[i].x}, {"y", g.gaps[i].y}, {"area", from_square_metres(g.gaps[i].area_m2, u)}});
  }
  details["within"] = spec.within->label();
  details["area_unit"] = unit_name(u);
  details["gap_area"] = r.value;
  details["gaps_total"] = g.gaps.size();
  details["gaps"] = std::move(gaps);
  details["slivers"] = g.slivers;
  details["sliver_area"] = from_square_metres(g.sliver_area_m2, u);
  details["sliver_width"] = options.sliver_width_metres;
  if (g.gaps.empty()) {
    r.notes.push_back(fmt::format("{} covers {} without gaps", spec.layer.label(), spec.within->label()));
  } else {
    r.findings.push_back(fmt::format("{} gap(s) inside {} that no feature of {} covers: {}", g.gaps.size(),
                                     spec.within->label(), spec.layer.label(), area_text(g.total_area_m2, u, r.decimals)));
  }
  constexpr std::size_t kGapsInWords = 10;
  for (std::size_t i = 0; i < g.gaps.size() && i < kGapsInWords; ++i) {
    r.findings.push_back(fmt::format("  {} at ({:.2f}, {:.2f})", area_text(g.gaps[i].area_m2, u, r.decimals),
                                     g.gaps[i].x, g.gaps[i].y));
  }
  if (g.gaps.size() > kGapsInWords) {
    r.findings.push_back(fmt::format("  ... and {} more gap(s), listed in the details", g.gaps.size() - kGapsInWords));
  }
  if (g.slivers > 0) {
    r.notes.push_back(fmt::format("{} gap(s) thinner than {:g} m not counted (slivers: {})", g.slivers,
                                  options.sliver_width_metres,
                                  area_text(g.sliver_area_m2, u, decimals_showing(from_square_metres(g.sliver_area_m2, u), u))));
  }
  if (keep) {
    auto out = new_check_geometries(g.crs, unit_name(u));
    for (const Gap& gap : g.gaps) out->gaps.push_back({"", "", "", from_square_metres(gap.area_m2, u), gap.piece.clone()});
    r.geometries = std::move(out);
  }
}

}  // namespace

void run_conflict_check(const CheckSpec& spec, LayerSource& layers, unsigned threads, bool keep, CheckResult& r,
                        Details& details) {
  switch (spec.kind) {
    case CheckKind::NoOverlap: run_no_overlap(spec, layers, threads, keep, r, details); return;
    case CheckKind::MaxInside: run_max_inside(spec, layers, threads, keep, r, details); return;
    case CheckKind::NoGaps: run_no_gaps(spec, layers, threads, keep, r, details); return;
    default: break;
  }
  throw InternalError("run_conflict_check: " + kind_name(spec.kind) + " is no conflict check");
}

}  // namespace redline::detail
