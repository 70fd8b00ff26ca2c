// not-reduced: a layer's area against a baseline figure or a previous version.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "checks/check_kinds.h"
#include "redline/drift/drift.h"
#include "redline/measure/quantity_format.h"
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

void run_not_reduced(const CheckSpec& spec, LayerSource& layers, unsigned threads, bool keep, CheckResult& r,
                     Details& details) {
  const AreaUnit u = spec.unit;
  auto in_unit = [u](double m2) { return from_square_metres(m2, u); };
  auto text = [&](double value) { return format_number(value, r.decimals) + " " + unit_symbol(u); };
  r.unit = unit_name(u);
  r.decimals = comparison_decimals(u);
  r.comparison = ">=";

  std::shared_ptr<const Layer> current = layers.filtered(spec.layer, spec.where);
  std::shared_ptr<const Layer> previous;
  if (spec.previous) previous = layers.filtered(*spec.previous, spec.where);

  AreaOptions ao;
  ao.method = spec.method;
  ao.group_field = spec.by;
  ao.threads = threads;
  const AreaSummary now = summarize_areas(*current, ao);
  std::optional<AreaSummary> before;
  if (previous) before = summarize_areas(*previous, ao);

  // The area must be at least every figure it is compared with: the baseline (or the sum of
  // the group baselines) AND the previous version when both are given. Each is a part with its
  // own verdict; the threshold shown is the largest, so that value ≥ threshold is the verdict.
  struct Part {
    std::string against;
    double threshold_m2;
  };
  std::vector<Part> parts;
  if (spec.baseline_m2) parts.push_back({"the baseline", *spec.baseline_m2});
  if (!spec.group_baselines_m2.empty()) {
    double sum = 0.0;
    for (const auto& [g, m2] : spec.group_baselines_m2) sum += m2;
    parts.push_back({"the sum of the group baselines", sum});
  }
  if (before) parts.push_back({"the previous version " + spec.previous->label(), before->total_m2});
  r.value = in_unit(now.total_m2);
  r.threshold = 0.0;
  std::string against;
  Details part_list = Details::array();
  std::vector<std::string> part_findings;
  for (const Part& p : parts) {
    const double threshold = in_unit(p.threshold_m2);
    const bool ok = passes(r.value, ">=", threshold, r.decimals);
    r.threshold = std::max(r.threshold, threshold);
    against += (against.empty() ? "" : " and ") + p.against;
    part_list.push_back({{"against", p.against}, {"threshold", threshold}, {"passed", ok}});
    if (!ok) {
      part_findings.push_back(fmt::format("area {} is {} below {} ({})", text(r.value), text(threshold - r.value),
                                          p.against, text(threshold)));
    } else if (parts.size() > 1) {
      r.notes.push_back(fmt::format("area {} is not below {} ({})", text(r.value), p.against, text(threshold)));
    }
  }
  details["area"] = r.value;
  details["against"] = against;
  details["parts"] = std::move(part_list);
  details["features"] = now.features.size();
  if (before) details["previous_area"] = in_unit(before->total_m2);

  if (!spec.by.empty()) {
    // Each group against its own baseline and against its area in the previous version, when
    // given: at least both. A group absent from the previous version is new (0 before). Keyed by
    // (null group, text): the features without a value are a group of their own, never merged
    // with empty text nor given a baseline meant for a value.
    struct Group {
      double now_m2 = 0.0;
      std::optional<double> baseline_m2, previous_m2;
    };
    std::map<std::pair<bool, std::string>, Group> groups;
    for (const GroupArea& g : now.groups) groups[{g.null_key, g.key}].now_m2 = g.m2;
    for (const auto& [key, m2] : spec.group_baselines_m2) groups[{false, key}].baseline_m2 = m2;
    if (before) {
      for (auto& [key, g] : groups) g.previous_m2 = 0.0;
      for (const GroupArea& g : before->groups) groups[{g.null_key, g.key}].previous_m2 = g.m2;
    }
    Details list = Details::array();
    for (const auto& [group, g] : groups) {
      const auto& [is_null, key] = group;
      const std::string name = fmt::format("{} = {}", spec.by, group_label(key, is_null));
      const double value = in_unit(g.now_m2);
      Details row = {
          {"group", is_null ? Details(nullptr) : Details(key)}, {"value", value}};
      if (!g.baseline_m2 && !g.previous_m2) {
        // Only per-group baselines, none for this group: nothing to compare it with.
        row["threshold"] = nullptr;
        row["passed"] = nullptr;
        r.notes.push_back(fmt::format("{}: {} has no baseline: not checked", name, text(value)));
        list.push_back(std::move(row));
        continue;
      }
      double threshold = 0.0;
      bool ok = true;
      std::vector<std::string> below;
      for (const auto& [what, m2] : {std::make_pair("its baseline", g.baseline_m2),
                                     std::make_pair("its previous area", g.previous_m2)}) {
        if (!m2) continue;
        const double t = in_unit(*m2);
        threshold = std::max(threshold, t);
        row[std::string(what) == "its baseline" ? "baseline" : "previous"] = t;
        if (!passes(value, ">=", t, r.decimals)) {
          ok = false;
          below.push_back(fmt::format("{} below {} ({})", text(t - value), what, text(t)));
        }
      }
      row["threshold"] = threshold;
      row["passed"] = ok;
      list.push_back(std::move(row));
      if (!ok) {
        r.passed = false;
        std::string why;
        for (const std::string& b : below) why += (why.empty() ? "" : " and ") + b;
        r.findings.push_back(fmt::format("{}: {}, {}", name, text(value), why));
      }
    }
    details["by"] = spec.by;
    details["groups"] = std::move(list);
  }
  r.findings.insert(r.findings.begin(), part_findings.begin(), part_findings.end());

  if (previous) {
    DriftOptions d;
    d.method = spec.method;
    d.key_field = spec.key;
    d.threads = threads;
    d.collect_geometries = true;  // the lost pieces name the features that lost area
    DriftResult drift = compute_drift(*previous, *current, d);
    const std::vector<LostFeature> lost = lost_features(drift, *previous, spec);
    const double uncompensated = std::max(0.0, drift.lost_real_m2() - drift.gained_real_m2());
    Details list = Details::array();
    for (const LostFeature& f : lost) {
      list.push_back({{"key", f.key}, {"label", f.label}, {"change", f.change}, {"area", in_unit(f.m2)}});
    }
    // Area lost that no gain compensates fails the check even when the sums of feature areas
    // do not show it (features that overlap, or slivers, making up the total): the verdict
    // never contradicts the finding printed beside it.
    const bool compensated = passes(0.0, ">=", in_unit(uncompensated), r.decimals);
    details["gained"] = in_unit(drift.gained_real_m2());
    details["lost"] = in_unit(drift.lost_real_m2());
    details["gained_noise"] = in_unit(drift.gained_noise_m2);
    details["lost_noise"] = in_unit(drift.lost_noise_m2);
    details["uncompensated"] = in_unit(uncompensated);
    details["compensated"] = compensated;
    details["key"] = spec.key.empty() ? "fid" : spec.key;
    details["lost_features"] = std::move(list);
    if (!compensated) {
      r.passed = false;
      if (passes(r.value, ">=", in_unit(before->total_m2), r.decimals)) {
        r.findings.push_back(fmt::format("the sum of the feature areas is not below the previous version's, yet {} "
                                         "of the previous area is lost and nothing gained compensates it (features "
                                         "that overlap, or slivers, make up the sum)",
                                         text(in_unit(uncompensated))));
      }
    }
    if (!lost.empty()) {
      std::string names;
      const std::size_t shown = std::min<std::size_t>(lost.size(), 10);
      for (std::size_t i = 0; i < shown; ++i) {
        const LostFeature& f = lost[i];
        names += fmt::format("{}{}{} ({}, {})", i ? "; " : "", f.key, f.label.empty() ? "" : " " + f.label, f.change,
                             text(in_unit(f.m2)));
      }
      if (lost.size() > shown) names += fmt::format("; … and {} more", lost.size() - shown);
      const std::string lost_text = text(in_unit(drift.lost_real_m2()));
      const std::string gained_text = text(in_unit(drift.gained_real_m2()));
      // A compensated loss is context; one that nothing compensates is why the check fails.
      std::vector<std::string>& lines = compensated ? r.notes : r.findings;
      lines.push_back(
          compensated
              ? fmt::format("lost {} in {} feature(s) of {}; the {} gained elsewhere compensates it", lost_text,
                            lost.size(), spec.previous->label(), gained_text)
              : fmt::format("lost {} in {} feature(s) of {}; gained {} elsewhere; {} that nothing compensates",
                            lost_text, lost.size(), spec.previous->label(), gained_text, text(in_unit(uncompensated))));
      lines.push_back((spec.key.empty() ? "lost (by FID): " : "lost (by " + spec.key + "): ") + names);
    }
    if (keep) {
      // The drift's own pieces, moved: what was lost explains the failure, what was gained is context.
      auto g = new_check_geometries(drift.crs, unit_name(u));
      g->layer = layer_pieces(*current, drift.crs, spec.key);
      for (DriftPiece& p : drift.pieces) {
        const bool lost_piece = p.kind == DriftPiece::Kind::Lost;
        if (!lost_piece && p.kind != DriftPiece::Kind::Gained) continue;
        const std::string& name = lost_piece || p.after_key.empty() ? p.before_key : p.after_key;
        (lost_piece ? g->lost : g->gained).push_back({p.change, name, "", in_unit(p.m2), std::move(p.geometry)});
      }
      r.geometries = std::move(g);
    }
  } else if (keep) {
    // Without a previous version nothing but the layer itself is spatial.
    auto g = new_check_geometries(current->crs, unit_name(u));
    g->layer = layer_pieces(*current, current->crs, spec.key);
    r.geometries = std::move(g);
  }
}

}  // namespace redline::detail
