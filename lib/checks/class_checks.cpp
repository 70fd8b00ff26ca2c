// nature-unchanged and function-not-lowered: what the class of the shared area became.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "checks/check_kinds.h"
#include "redline/drift/drift.h"
#include "redline/measure/quantity_format.h"

namespace redline::detail {

void run_class_unchanged(const CheckSpec& spec, LayerSource& layers, unsigned threads, bool keep, CheckResult& r,
                         Details& details) {
  const AreaUnit u = spec.unit;
  auto in_unit = [u](double m2) { return from_square_metres(m2, u); };
  r.unit = unit_name(u);
  r.decimals = comparison_decimals(u);
  r.comparison = "<=";
  r.threshold = 0.0;

  std::shared_ptr<const Layer> current = layers.filtered(spec.layer, spec.where);
  std::shared_ptr<const Layer> previous = layers.filtered(*spec.previous, spec.where);
  DriftOptions d;
  d.method = spec.method;
  d.key_field = spec.key;
  d.class_field = spec.field;
  d.threads = threads;
  d.collect_geometries = keep;
  DriftResult drift = compute_drift(*previous, *current, d);

  const bool ordered = spec.kind == CheckKind::FunctionNotLowered;
  auto rank = [&](const std::string& value) -> std::optional<std::size_t> {
    auto it = std::find(spec.order.begin(), spec.order.end(), value);
    if (it == spec.order.end()) return std::nullopt;
    return static_cast<std::size_t>(it - spec.order.begin());
  };
  // Lower in the order is a lower function; a value outside the order cannot be judged.
  auto direction = [&](const std::string& from_value, const std::string& to_value) -> std::string {
    if (!ordered) return "changed";
    const auto from = rank(from_value), to = rank(to_value);
    return !from || !to ? "unranked" : (*to > *from ? "lowered" : "raised");
  };
  double counted_m2 = 0.0, noise_m2 = 0.0;
  Details table = Details::array();
  for (const Reclassification& rc : drift.reclassified) {
    noise_m2 += rc.noise_m2;
    if (rc.m2 <= 0) continue;
    Details row = {{"from", rc.from}, {"to", rc.to}, {"area", in_unit(rc.m2)}};
    std::string verdict;
    bool counts = true;
    if (ordered) {
      verdict = direction(rc.from, rc.to);
      counts = verdict != "raised";
      row["direction"] = verdict;
    }
    if (counts) {
      counted_m2 += rc.m2;
      r.findings.push_back(fmt::format("{} → {}: {} {}{}", group_label(rc.from), group_label(rc.to),
                                       format_number(in_unit(rc.m2), r.decimals), r.unit,
                                       verdict.empty() ? "" : " (" + verdict + ")"));
    }
    table.push_back(std::move(row));
  }
  r.value = in_unit(counted_m2);
  details["field"] = spec.field;
  if (ordered) {
    details["order"] = spec.order;
    // Values of the data the order does not rank (a typo in the order, or a class it forgot):
    // a change to or from them counts as lowered; said even where nothing changed.
    std::map<std::string, std::size_t> outside;  // value → features holding it
    for (const Layer* l : {current.get(), previous.get()}) {
      const std::size_t index = l->field_index(spec.field);
      for (const Feature& f : l->features) {
        const std::string v = to_string(f.values[index]);
        if (!rank(v)) ++outside[v];
      }
    }
    Details list = Details::array();
    std::string names;
    for (const auto& [value, count] : outside) {
      list.push_back({{"value", value}, {"features", count}});
      names += fmt::format("{}{} ({} feature(s))", names.empty() ? "" : ", ", group_label(value), count);
    }
    details["outside_order"] = std::move(list);
    if (!outside.empty()) {
      r.notes.push_back(fmt::format("values of {} outside the order: {}; a change to or from them counts as lowered",
                                    spec.field, names));
    }
  }
  details["previous"] = spec.previous->label();
  details["reclassified"] = std::move(table);
  details["reclassified_total"] = in_unit(drift.reclassified_m2());
  details["noise"] = in_unit(noise_m2);
  details["shared_area"] = in_unit(drift.after_m2 - drift.gained_m2);
  if (keep) {
    // The drift's reclassified pieces, moved, over the layer.
    auto g = new_check_geometries(drift.crs, r.unit);
    g->layer = layer_pieces(*current, drift.crs, spec.key);
    for (DriftPiece& p : drift.pieces) {
      if (p.kind != DriftPiece::Kind::Reclassified) continue;
      g->reclassified.push_back({direction(p.from, p.to), p.from, p.to, in_unit(p.m2), std::move(p.geometry)});
    }
    r.geometries = std::move(g);
  }
}

}  // namespace redline::detail
