#include "redline/checks/check.h"

#include <cmath>

#include <fmt/format.h>

#include "checks/check_kinds.h"
#include "redline/report/table.h"

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
  std::string s = fmt::format("check '{}'", spec.name.empty() ? kind_name(spec.kind) : spec.name);
  if (!spec.source.empty()) s += " (" + spec.source + ")";
  if (!spec.delivery.empty()) s += " on delivery " + spec.delivery;
  return s;
}

[[noreturn]] void refuse(const CheckSpec& spec, const std::string& what) {
  throw UsageError(describe_check(spec) + ": " + what);
}

}  // namespace

CheckKind parse_check_kind(const std::string& text) {
  for (const KindName& k : kKinds) {
    if (text == k.name) return k.kind;
  }
  std::string names;
  for (const KindName& k : kKinds) names += (names.empty() ? "" : ", ") + std::string(k.name);
  throw UsageError(fmt::format("unknown check kind '{}'; expected one of: {}", text, names));
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
  forbid(share_kind && s.previous.has_value(), "previous");
  forbid(!share_kind && s.min_percent.has_value(), "min_percent");
  forbid(s.kind != CheckKind::MinShare && s.within.has_value(), "within");
  forbid(s.kind != CheckKind::FunctionNotLowered && !s.order.empty(), "order");
  forbid(s.kind != CheckKind::ShareOfZones && !s.zones.empty(), "zones");
  forbid(s.kind == CheckKind::NotReduced && !s.field.empty(), "field");
  forbid(s.kind == CheckKind::MinShare && !s.field.empty(), "field");
  switch (s.kind) {
    case CheckKind::NotReduced:
      if (!s.baseline_m2 && !s.previous && s.group_baselines_m2.empty()) {
        refuse(s, "not-reduced needs a baseline (e.g. baseline = \"75587.98ha\") or a previous version");
      }
      if (!s.group_baselines_m2.empty() && s.by.empty()) refuse(s, "a baseline per group needs 'by'");
      if (!s.by.empty() && !s.previous && s.group_baselines_m2.empty()) {
        refuse(s, "with 'by', give a baseline per group (baseline = { GROUP = \"AREA\" }) or a previous version");
      }
      break;
    case CheckKind::NatureUnchanged:
    case CheckKind::FunctionNotLowered:
      if (!s.previous) refuse(s, kind_name(s.kind) + " needs a previous version");
      if (s.field.empty()) refuse(s, kind_name(s.kind) + " needs the attribute to compare ('field', e.g. HXLX or GNFQ)");
      if (s.kind == CheckKind::FunctionNotLowered && s.order.size() < 2) {
        refuse(s, "function-not-lowered needs 'order', the values highest first, e.g. [\"核心区\", \"缓冲区\", \"实验区\"]");
      }
      break;
    case CheckKind::MinShare:
      if (!s.within) refuse(s, "min-share needs 'within', the layer the share lies inside");
      if (s.share_of != "layer" && s.share_of != "within") {
        refuse(s, fmt::format("share_of is '{}'; expected \"layer\" or \"within\"", s.share_of));
      }
      [[fallthrough]];
    case CheckKind::ShareOfZones:
      if (!s.min_percent) refuse(s, "needs 'min_percent', the smallest share that passes (e.g. 52)");
      if (!(*s.min_percent >= 0 && *s.min_percent <= 100)) {
        refuse(s, fmt::format("min_percent must be between 0 and 100, not {}", *s.min_percent));
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
      switch (s.kind) {
        case CheckKind::NotReduced: detail::run_not_reduced(s, layers, options, r); break;
        case CheckKind::NatureUnchanged:
        case CheckKind::FunctionNotLowered: detail::run_class_unchanged(s, layers, options, r); break;
        case CheckKind::MinShare: detail::run_min_share(s, layers, options, r); break;
        case CheckKind::ShareOfZones: detail::run_share_of_zones(s, layers, options, r); break;
      }
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

std::string figure(double value, const std::string& unit, int decimals) {
  return format_number(value, decimals) + (unit == "%" ? " %" : " " + unit);
}

}  // namespace detail

}  // namespace redline
