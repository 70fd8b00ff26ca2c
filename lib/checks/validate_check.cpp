// validate_check: whether a check's parameters suit its kind and make sense, before any file is read.
#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include "checks/check_figures.h"
#include "checks/describe_check.h"
#include "checks/value_list.h"
#include "redline/checks/check.h"
#include "redline/checks/threshold.h"
#include "redline/overlay/sliver.h"
#include "util/quoted.h"

namespace redline {

using detail::refuse;

namespace {

// Refuses a list that is empty, holds "" or a value twice (checks/value_list.h).
void refuse_bad_list(const CheckSpec& s, const std::vector<std::string>& values, const std::string& what) {
  const std::string fault = detail::value_list_fault(values);
  if (!fault.empty()) refuse(s, fmt::format("'{}' {}", what, fault));
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


// The thresholds of no-overlap, max-inside and no-gaps.
void validate_conflict_check(const CheckSpec& s) {
  auto limit = [&](const std::optional<double>& m2, const char* what) {
    if (!m2) return;
    try {
      checked_max_area_m2(*m2);
    } catch (const UsageError& e) {
      refuse(s, fmt::format("{}: {}", what, e.reason()));
    }
  };
  limit(s.max_overlap_m2, "max_overlap");
  limit(s.max_area_m2, "max_area");
  limit(s.max_gap_m2, "max_gap");
  if (s.sliver_width_m) {
    try {
      validate_sliver_width(*s.sliver_width_m, "sliver width");
    } catch (const UsageError& e) {
      refuse(s, "sliver_width: " + e.reason());
    }
  }
  if (s.kind == CheckKind::MaxInside) {
    if (!s.within) refuse(s, "max-inside needs 'within', the layer the part inside is measured in");
    if (s.max_area_m2 && s.max_percent) {
      refuse(s, "give 'max_area' or 'max_percent', not both: the check compares one figure");
    }
    if (!s.max_area_m2 && !s.max_percent) {
      refuse(s, "max-inside needs 'max_area' (e.g. \"0ha\") or 'max_percent' (e.g. 5), the most that may lie inside");
    }
    if (s.max_percent) {
      try {
        checked_max_percent(*s.max_percent);
      } catch (const UsageError& e) {
        refuse(s, "max_percent: " + e.reason());
      }
    }
  }
  if (s.kind == CheckKind::NoGaps && !s.within) {
    refuse(s, "no-gaps needs 'within', the area the layer must cover (e.g. the county)");
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
  const bool conflict_kind = s.kind == CheckKind::NoOverlap || s.kind == CheckKind::MaxInside || s.kind == CheckKind::NoGaps;
  forbid(s.kind != CheckKind::MinShare && s.kind != CheckKind::MaxInside && s.kind != CheckKind::NoGaps &&
             s.within.has_value(),
         "within");
  forbid(conflict_kind && s.previous.has_value(), "previous");
  forbid(conflict_kind && !s.field.empty(), "field");
  forbid(s.kind != CheckKind::NoOverlap && !s.with.empty(), "with");
  forbid(s.kind != CheckKind::NoOverlap && s.max_overlap_m2.has_value(), "max_overlap");
  forbid(s.kind != CheckKind::MaxInside && s.max_area_m2.has_value(), "max_area");
  forbid(s.kind != CheckKind::MaxInside && s.max_percent.has_value(), "max_percent");
  forbid(s.kind != CheckKind::NoGaps && s.max_gap_m2.has_value(), "max_gap");
  forbid(!conflict_kind && s.sliver_width_m.has_value(), "sliver_width");
  forbid(s.kind != CheckKind::FunctionNotLowered && !s.order.empty(), "order");
  forbid(s.kind != CheckKind::ShareOfZones && s.zones.has_value(), "zones");
  forbid(s.kind == CheckKind::NotReduced && !s.field.empty(), "field");
  forbid(s.kind == CheckKind::MinShare && !s.field.empty(), "field");
  forbid(!share_kind && s.measure != kDefaultCheckMeasure, "measure");
  if (s.measure == CheckMeasure::Length && s.method == AreaMethod::Survey) {
    refuse(s, "method survey measures areas; a length is measured ellipsoidal or planar");
  }
  if (s.measure == CheckMeasure::Length && s.kind == CheckKind::MinShare && s.share_of == ShareOf::Within) {
    refuse(s, "share_of = within has no length: by length, the share is of the line layer inside 'within' "
              "(share_of = layer)");
  }
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
  for (const LayerRef& with : s.with) {
    if (with.path.empty()) refuse(s, "'with' names no file");
    if (same_ref(s.layer, with)) {
      refuse(s, "'with' names the layer checked itself: leave 'with' out to check the layer's features against "
                "each other");
    }
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
    case CheckKind::NoOverlap:
    case CheckKind::MaxInside:
    case CheckKind::NoGaps:
      validate_conflict_check(s);
      break;
  }
}

}  // namespace redline
