// not-reduced: a layer's area against a baseline figure or a previous version.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "checks/check_kinds.h"
#include "redline/report/table.h"
#include "redline/drift/drift.h"
#include "redline/measure/area_summary.h"

namespace redline::detail {

namespace {


// Lost area by feature of the previous version: the real pieces of previous − current, each
// attributed to the feature it was part of.
struct LostFeature {
  std::string key, label, change;
  double m2 = 0.0;
};

std::vector<LostFeature> lost_features(const DriftResult& d, const Layer& previous, const CheckSpec& spec) {
  std::map<std::string, LostFeature> by_key;
  for (const DriftPiece& p : d.pieces) {
    if (p.kind != DriftPiece::Kind::Lost) continue;
    LostFeature& f = by_key[p.before_key];
    f.key = p.before_key;
    // A feature that lost pieces both as "shrunk" and "removed" cannot happen: one change each.
    f.change = p.change;
    f.m2 += p.m2;
  }
  if (!spec.key.empty() && !spec.label.empty()) {
    const std::size_t key_index = previous.field_index(spec.key);
    const std::size_t label_index = previous.field_index(spec.label);
    for (const Feature& f : previous.features) {
      auto it = by_key.find(to_string(f.values[key_index]));
      if (it != by_key.end()) it->second.label = to_string(f.values[label_index]);
    }
  }
  std::vector<LostFeature> out;
  for (auto& [k, f] : by_key) out.push_back(std::move(f));
  std::sort(out.begin(), out.end(), [](const LostFeature& a, const LostFeature& b) {
    return a.m2 != b.m2 ? a.m2 > b.m2 : a.key < b.key;
  });
  return out;
}

}  // namespace

void run_not_reduced(const CheckSpec& spec, LayerSource& layers, const CheckRunOptions& options, CheckResult& r) {
  const AreaUnit u = spec.unit;
  auto in_unit = [u](double m2) { return from_square_metres(m2, u); };
  r.unit = unit_name(u);
  r.decimals = display_decimals(u);
  r.comparison = ">=";

  std::shared_ptr<const Layer> current = layers.filtered(spec.layer, spec.where);
  std::shared_ptr<const Layer> previous;
  if (spec.previous) previous = layers.filtered(*spec.previous, spec.where);

  AreaOptions ao;
  ao.method = spec.method;
  ao.group_field = spec.by;
  ao.threads = options.threads;
  const AreaSummary now = summarize_areas(*current, ao);
  std::optional<AreaSummary> before;
  if (previous) before = summarize_areas(*previous, ao);

  double threshold_m2 = 0.0;
  std::string against;
  if (spec.baseline_m2) {
    threshold_m2 = *spec.baseline_m2;
    against = "the baseline";
  } else if (before) {
    threshold_m2 = before->total_m2;
    against = "the previous version " + spec.previous->label();
  } else {
    for (const auto& [g, m2] : spec.group_baselines_m2) threshold_m2 += m2;
    against = "the sum of the group baselines";
  }
  r.value = in_unit(now.total_m2);
  r.threshold = in_unit(threshold_m2);
  r.details["area"] = r.value;
  r.details["against"] = against;
  r.details["features"] = now.features.size();
  if (before) r.details["previous_area"] = in_unit(before->total_m2);

  if (!spec.by.empty()) {
    // Each group against its own baseline, else against its area in the previous version.
    // Keyed by (null group, text): the features without a value are a group of their own, never
    // merged with empty text nor given a baseline meant for a value.
    std::map<std::pair<bool, std::string>, std::pair<double, std::optional<double>>> groups;  // now, threshold
    for (const GroupArea& g : now.groups) groups[{g.null_key, g.key}].first = g.m2;
    if (!spec.group_baselines_m2.empty()) {
      for (const auto& [key, m2] : spec.group_baselines_m2) groups[{false, key}].second = m2;
    } else if (before) {
      for (const GroupArea& g : before->groups) groups[{g.null_key, g.key}].second = g.m2;
    }
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& [group, figures] : groups) {
      const auto& [is_null, key] = group;
      const double value = in_unit(figures.first);
      const double threshold = figures.second ? in_unit(*figures.second) : 0.0;
      const bool ok = passes(value, ">=", threshold, r.decimals);
      list.push_back({{"group", is_null ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(key)},
                      {"value", value}, {"threshold", threshold}, {"passed", ok}});
      if (!ok) {
        r.passed = false;
        r.findings.push_back(fmt::format("{} = {}: {} {}, below {} {} by {} {}", spec.by, group_label(key, is_null),
                                         format_number(value, r.decimals), unit_symbol(u),
                                         format_number(threshold, r.decimals), unit_symbol(u),
                                         format_number(threshold - value, r.decimals), unit_symbol(u)));
      }
    }
    r.details["by"] = spec.by;
    r.details["groups"] = std::move(list);
  }

  const bool total_ok = passes(r.value, ">=", r.threshold, r.decimals);
  if (!total_ok) {
    r.findings.insert(r.findings.begin(),
                      fmt::format("area {} {} is {} {} below {} ({} {})", format_number(r.value, r.decimals), unit_symbol(u),
                                  format_number(r.threshold - r.value, r.decimals), unit_symbol(u), against,
                                  format_number(r.threshold, r.decimals), unit_symbol(u)));
  }

  if (previous) {
    DriftOptions d;
    d.method = spec.method;
    d.key_field = spec.key;
    d.threads = options.threads;
    d.collect_geometries = true;
    const DriftResult drift = compute_drift(*previous, *current, d);
    const std::vector<LostFeature> lost = lost_features(drift, *previous, spec);
    const double uncompensated = std::max(0.0, drift.lost_real_m2() - drift.gained_real_m2());
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const LostFeature& f : lost) {
      list.push_back({{"key", f.key}, {"label", f.label}, {"change", f.change}, {"area", in_unit(f.m2)}});
    }
    r.details["gained"] = in_unit(drift.gained_real_m2());
    r.details["lost"] = in_unit(drift.lost_real_m2());
    r.details["gained_noise"] = in_unit(drift.gained_noise_m2);
    r.details["lost_noise"] = in_unit(drift.lost_noise_m2);
    r.details["uncompensated"] = in_unit(uncompensated);
    r.details["key"] = spec.key.empty() ? "fid" : spec.key;
    r.details["lost_features"] = std::move(list);
    if (!lost.empty()) {
      const bool compensated = uncompensated <= 0;
      std::string names;
      const std::size_t shown = std::min<std::size_t>(lost.size(), 10);
      for (std::size_t i = 0; i < shown; ++i) {
        const LostFeature& f = lost[i];
        names += fmt::format("{}{}{} ({}, {} {})", i ? "; " : "", f.key, f.label.empty() ? "" : " " + f.label, f.change,
                             format_number(in_unit(f.m2), r.decimals), unit_symbol(u));
      }
      if (lost.size() > shown) names += fmt::format("; … and {} more", lost.size() - shown);
      const std::string lost_text = format_number(in_unit(drift.lost_real_m2()), r.decimals) + " " + unit_symbol(u);
      const std::string gained_text = format_number(in_unit(drift.gained_real_m2()), r.decimals) + " " + unit_symbol(u);
      r.findings.push_back(
          compensated
              ? fmt::format("lost {} in {} feature(s) of {}; the {} gained elsewhere compensates it", lost_text,
                            lost.size(), spec.previous->label(), gained_text)
              : fmt::format("lost {} in {} feature(s) of {}; gained {} elsewhere; {} {} that nothing compensates",
                            lost_text, lost.size(), spec.previous->label(), gained_text,
                            format_number(in_unit(uncompensated), r.decimals), unit_symbol(u)));
      r.findings.push_back((spec.key.empty() ? "lost (by FID): " : "lost (by " + spec.key + "): ") + names);
    }
  }
}

}  // namespace redline::detail
