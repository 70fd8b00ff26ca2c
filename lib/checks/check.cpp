#include "redline/checks/check.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "checks/check_kinds.h"
#include "checks/layer_source.h"
#include "redline/checks/threshold.h"
#include "redline/report/table.h"
#include "util/quoted.h"

namespace redline {

namespace {

struct KindName {
  CheckKind kind;
  const char* name;
};
constexpr KindName kKinds[] = {{CheckKind::NotReduced, "not-reduced"},
                               {CheckKind::NatureUnchanged, "nature-unchanged"},
                               {CheckKind::FunctionNotLowered, "function-not-lowered"},
                               {CheckKind::MinShare, "min-share"},
                               {CheckKind::ShareOfZones, "share-of-zones"}};

std::string describe_check(const CheckSpec& spec) {
  std::string s = fmt::format("check {}", detail::quoted(spec.name.empty() ? kind_name(spec.kind) : spec.name, 120));
  if (!spec.source.empty()) s += " (" + spec.source + ")";
  if (!spec.delivery.empty()) s += " on delivery " + spec.delivery;
  return s;
}

[[noreturn]] void refuse(const CheckSpec& spec, const std::string& what) {
  throw UsageError(describe_check(spec) + ": " + what);
}

// Refuses `previous` or `within` that is, on disk, the checked layer itself (the same file by
// another path, or the source's only layer named once and once not): a layer compared with
// itself always passes.
void refuse_same_layer(const CheckSpec& s, detail::LayerSource& layers) {
  for (const auto& [ref, key] : {std::make_pair(s.previous, "previous"), std::make_pair(s.within, "within")}) {
    if (!ref) continue;
    if (layers.same_layer(s.layer, *ref)) {
      throw UsageError(fmt::format("'{}' ({}) is the layer checked itself ({}): the check would compare the layer "
                                   "with itself",
                                   key, ref->label(), s.layer.label()));
    }
  }
}

// A check that measures nothing must not pass: against an empty layer, or one whose `where`
// keeps no feature, "not reduced" or "unchanged" is trivially true. The check fails, with the
// counts in its details and a finding saying why.
void fail_when_nothing_measured(const CheckSpec& s, detail::LayerSource& layers, CheckResult& r) {
  std::vector<std::pair<const LayerRef*, bool>> read{{&s.layer, true}};  // the layer, filtered by where?
  if (s.previous) read.emplace_back(&*s.previous, true);
  if (s.within) read.emplace_back(&*s.within, false);
  nlohmann::ordered_json counts = nlohmann::ordered_json::object();
  std::vector<std::string> nothing;  // findings, in the order the layers are named
  for (const auto& [ref, filtered] : read) {
    const std::size_t all = layers.get(*ref).features.size();
    const std::size_t kept = filtered ? layers.count_matching(*ref, s.where) : all;
    if (filtered && !s.where.empty()) counts[ref->label()] = kept;
    if (kept > 0) continue;
    r.passed = false;
    if (all == 0) {
      nothing.push_back(fmt::format("{} holds no feature: the check measures nothing and cannot pass", ref->label()));
    } else {
      std::string filter;
      for (const auto& [field, values] : s.where) {
        std::string list;
        for (const std::string& v : values) list += (list.empty() ? "" : ", ") + v;
        filter += (filter.empty() ? "" : " and ") + field + " in {" + list + "}";
      }
      nothing.push_back(fmt::format("where {} keeps none of the {} feature(s) of {}: the check measures nothing and "
                                    "cannot pass",
                                    filter, all, ref->label()));
    }
  }
  r.findings.insert(r.findings.begin(), nothing.begin(), nothing.end());
  if (!s.where.empty()) r.details["where_matches"] = std::move(counts);
}

}  // namespace

CheckKind parse_check_kind(const std::string& text) {
  for (const KindName& k : kKinds) {
    if (text == k.name) return k.kind;
  }
  std::string names;
  for (const KindName& k : kKinds) names += (names.empty() ? "" : ", ") + std::string(k.name);
  throw UsageError(fmt::format("unknown check kind {}; expected one of: {}", detail::quoted(text), names));
}

std::string kind_name(CheckKind kind) {
  for (const KindName& k : kKinds) {
    if (k.kind == kind) return k.name;
  }
  return "not-reduced";
}

std::vector<std::string> check_kind_names() {
  std::vector<std::string> out;
  for (const KindName& k : kKinds) out.push_back(k.name);
  return out;
}

std::string LayerRef::label() const { return layer.empty() ? path : fmt::format("{} ({})", path, layer); }

std::vector<std::string> default_protected_zones() { return {"岸线保护区", "岸线保留区"}; }

namespace {

// Refuses a list that is empty, holds "" or a value twice: each would change a figure silently
// (a zone "" counts features without a zone; a rank given twice makes the order ambiguous).
void refuse_bad_list(const CheckSpec& s, const std::vector<std::string>& values, const std::string& what) {
  if (values.empty()) refuse(s, fmt::format("'{}' is an empty list", what));
  std::set<std::string> seen;  // not a quadratic search: a hostile list may be long
  for (const std::string& v : values) {
    if (v.empty()) refuse(s, fmt::format("'{}' holds an empty value \"\"", what));
    if (!seen.insert(v).second) refuse(s, fmt::format("'{}' holds {} twice", what, detail::quoted(v)));
  }
}

bool same_ref(const LayerRef& a, const LayerRef& b) {
  namespace fs = std::filesystem;
  return a.layer == b.layer && fs::path(a.path).lexically_normal() == fs::path(b.path).lexically_normal();
}

void refuse_bad_baseline(const CheckSpec& s, double m2, const std::string& what) {
  try {
    checked_baseline_m2(m2);
  } catch (const UsageError& e) {
    refuse(s, what + ": " + e.reason());
  }
  // Compared as printed: a baseline that prints as 0 in the check's unit passes everything.
  const int decimals = detail::comparison_decimals(s.unit);
  if (std::round(from_square_metres(m2, s.unit) * std::pow(10.0, decimals)) == 0) {
    refuse(s, fmt::format("{} of {} m² is 0 at the {} decimals of {}: this check could never fail", what, m2,
                          decimals, unit_name(s.unit)));
  }
}

}  // namespace

void validate_check(const CheckSpec& s) {
  if (s.layer.path.empty()) refuse(s, "no layer given");
  auto forbid = [&](bool present, const char* what) {
    if (present) refuse(s, fmt::format("'{}' does not apply to {}", what, kind_name(s.kind)));
  };
  const bool area_kind = s.kind == CheckKind::NotReduced;
  const bool share_kind = s.kind == CheckKind::MinShare || s.kind == CheckKind::ShareOfZones;
  forbid(!area_kind && s.baseline_m2.has_value(), "baseline");
  forbid(!area_kind && !s.group_baselines_m2.empty(), "baseline");
  forbid(!area_kind && !s.by.empty(), "by");
  forbid(!area_kind && !s.label.empty(), "label");
  forbid(share_kind && s.previous.has_value(), "previous");
  forbid(share_kind && !s.key.empty(), "key");
  forbid(!share_kind && s.min_percent.has_value(), "min_percent");
  forbid(s.kind != CheckKind::MinShare && s.within.has_value(), "within");
  forbid(s.kind != CheckKind::FunctionNotLowered && !s.order.empty(), "order");
  forbid(s.kind != CheckKind::ShareOfZones && s.zones.has_value(), "zones");
  forbid(s.kind == CheckKind::NotReduced && !s.field.empty(), "field");
  forbid(s.kind == CheckKind::MinShare && !s.field.empty(), "field");
  for (const auto& [field, values] : s.where) {
    if (field.empty()) refuse(s, "'where' names a field \"\"");
    refuse_bad_list(s, values, "where." + field);
  }
  if (s.previous && same_ref(s.layer, *s.previous)) {
    refuse(s, "'previous' is the layer checked itself: the check would compare the layer with itself and always pass");
  }
  if (s.within && same_ref(s.layer, *s.within)) {
    refuse(s, "'within' is the layer checked itself: every part of a layer lies inside itself");
  }
  if (s.previous && s.previous->path.empty()) refuse(s, "'previous' names no file");
  if (s.within && s.within->path.empty()) refuse(s, "'within' names no file");
  if (!s.label.empty() && s.key.empty()) {
    refuse(s, "'label' names lost features beside their 'key': give 'key' too (e.g. key = \"BSM\")");
  }
  switch (s.kind) {
    case CheckKind::NotReduced:
      if (!s.baseline_m2 && !s.previous && s.group_baselines_m2.empty()) {
        refuse(s, "not-reduced needs a baseline (e.g. baseline = \"75587.98ha\") or a previous version");
      }
      if (!s.group_baselines_m2.empty() && s.by.empty()) refuse(s, "a baseline per group needs 'by'");
      if (!s.by.empty() && !s.previous && s.group_baselines_m2.empty()) {
        refuse(s, "with 'by', give a baseline per group (baseline = { GROUP = \"AREA\" }) or a previous version");
      }
      if (s.baseline_m2) refuse_bad_baseline(s, *s.baseline_m2, "baseline");
      for (const auto& [group, m2] : s.group_baselines_m2) {
        refuse_bad_baseline(s, m2, fmt::format("baseline of group {}", detail::quoted(group)));
      }
      break;
    case CheckKind::NatureUnchanged:
    case CheckKind::FunctionNotLowered:
      if (!s.previous) refuse(s, kind_name(s.kind) + " needs a previous version");
      if (s.field.empty()) refuse(s, kind_name(s.kind) + " needs the attribute to compare ('field', e.g. HXLX or GNFQ)");
      if (s.kind == CheckKind::FunctionNotLowered) {
        if (s.order.size() < 2) {
          refuse(s, "function-not-lowered needs 'order', the values highest first, e.g. [\"核心区\", \"缓冲区\", \"实验区\"]");
        }
        refuse_bad_list(s, s.order, "order");
      }
      break;
    case CheckKind::MinShare:
      if (!s.within) refuse(s, "min-share needs 'within', the layer the share lies inside");
      if (s.share_of != "layer" && s.share_of != "within") {
        refuse(s, fmt::format("share_of is {}; expected \"layer\" or \"within\"", detail::quoted(s.share_of)));
      }
      [[fallthrough]];
    case CheckKind::ShareOfZones:
      if (s.kind == CheckKind::ShareOfZones && s.zones) refuse_bad_list(s, *s.zones, "zones");
      if (!s.min_percent) refuse(s, "needs 'min_percent', the smallest share that passes (e.g. 52)");
      try {
        checked_percent(*s.min_percent);
      } catch (const UsageError& e) {
        refuse(s, "min_percent: " + e.reason());
      }
      break;
  }
}

bool all_passed(const std::vector<CheckResult>& results) {
  if (results.empty()) return false;
  for (const CheckResult& r : results) {
    if (!r.passed) return false;
  }
  return true;
}

std::vector<CheckResult> run_checks(const std::vector<CheckSpec>& specs, const CheckRunOptions& options) {
  for (const CheckSpec& s : specs) validate_check(s);
  detail::LayerSource layers(options);
  std::vector<CheckResult> results;
  for (const CheckSpec& s : specs) {
    CheckResult r;
    r.name = s.name.empty() ? fmt::format("{} {}", kind_name(s.kind), s.layer.label()) : s.name;
    r.kind = s.kind;
    r.layer = s.layer.label();
    r.delivery = s.delivery;
    r.passed = true;  // a kind clears it for a failed part (a group); the figure decides the rest
    try {
      refuse_same_layer(s, layers);
      switch (s.kind) {
        case CheckKind::NotReduced: detail::run_not_reduced(s, layers, options, r); break;
        case CheckKind::NatureUnchanged:
        case CheckKind::FunctionNotLowered: detail::run_class_unchanged(s, layers, options, r); break;
        case CheckKind::MinShare: detail::run_min_share(s, layers, options, r); break;
        case CheckKind::ShareOfZones: detail::run_share_of_zones(s, layers, options, r); break;
      }
      if (!std::isfinite(r.value) || !std::isfinite(r.threshold)) {
        throw InputError(fmt::format("the figure {} against {} is not a finite number: the input cannot be measured",
                                     r.value, r.threshold));
      }
      fail_when_nothing_measured(s, layers, r);
    } catch (const Error& e) {
      // The user must know which check met the problem, not only which file.
      rethrow_with_location(e, {}, describe_check(s) + ": " + e.reason());
    }
    r.passed = detail::passes(r.value, r.comparison, r.threshold, r.decimals) && r.passed;
    results.push_back(std::move(r));
  }
  return results;
}

namespace detail {

bool passes(double value, const std::string& comparison, double threshold, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double v = std::round(value * scale), t = std::round(threshold * scale);
  return comparison == "<=" ? v <= t : v >= t;
}

int comparison_decimals(AreaUnit unit) {
  constexpr double kStepM2 = 100.0;  // 0.01 ha: the step of official tables in ha
  const int needed = static_cast<int>(std::ceil(std::log10(square_metres_per(unit) / kStepM2) - 1e-9));
  return std::max(display_decimals(unit), needed);
}

std::string figure(double value, const std::string& unit, int decimals) {
  return format_number(value, decimals) + (unit == "%" ? " %" : " " + unit);
}

}  // namespace detail

}  // namespace redline
