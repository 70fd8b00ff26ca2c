#include "redline/checks/check.h"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "checks/check_kinds.h"
#include "checks/layer_source.h"
#include "checks/describe_check.h"
#include "util/enum_names.h"
#include "util/quoted.h"

namespace redline {

namespace {

constexpr detail::EnumNames<CheckKind, 8> kCheckKindNames{"check kind",
                                                           {{{CheckKind::NotReduced, "not-reduced"},
                                                             {CheckKind::NatureUnchanged, "nature-unchanged"},
                                                             {CheckKind::FunctionNotLowered, "function-not-lowered"},
                                                             {CheckKind::MinShare, "min-share"},
                                                             {CheckKind::ShareOfZones, "share-of-zones"},
                                                             {CheckKind::NoOverlap, "no-overlap"},
                                                             {CheckKind::MaxInside, "max-inside"},
                                                             {CheckKind::NoGaps, "no-gaps"}}}};

constexpr detail::EnumNames<ShareOf, 2> kShareOfNames{"share_of",
                                                      {{{ShareOf::Layer, "layer"}, {ShareOf::Within, "within"}}}};
constexpr detail::EnumNames<CheckMeasure, 2> kCheckMeasureNames{
    "measure", {{{CheckMeasure::Area, "area"}, {CheckMeasure::Length, "length"}}}};


// Refuses `previous` or `within` that is, on disk, the checked layer itself (the same file by
// another path, or the source's only layer named once and once not): a layer compared with
// itself always passes.
// What the checked layer is read as: lines for a check by length.
LayerGeometry checked_geometry(const CheckSpec& s) {
  return s.measure == CheckMeasure::Length ? LayerGeometry::Lines : LayerGeometry::Polygons;
}

void refuse_same_layer(const CheckSpec& s, detail::LayerSource& layers) {
  for (const auto& [ref, key] : {std::make_pair(s.previous, "previous"), std::make_pair(s.within, "within")}) {
    if (!ref) continue;
    if (layers.same_layer(s.layer, *ref, checked_geometry(s))) {
      throw UsageError(fmt::format("'{}' ({}) is the layer checked itself ({}): the check would compare the layer "
                                   "with itself",
                                   key, ref->label(), s.layer.label()));
    }
  }
  for (const LayerRef& with : s.with) {
    if (layers.same_layer(s.layer, with)) {
      throw UsageError(fmt::format("'with' ({}) is the layer checked itself ({}): leave 'with' out to check the "
                                   "layer's features against each other",
                                   with.label(), s.layer.label()));
    }
  }
}

// A check that measures nothing must not pass: against an empty layer, or one whose `where`
// keeps no feature, "not reduced" or "unchanged" is trivially true. The check fails, with the
// counts in its details and a finding saying why.
void fail_when_nothing_measured(const CheckSpec& s, detail::LayerSource& layers, CheckResult& r,
                                nlohmann::ordered_json& details) {
  std::vector<std::pair<const LayerRef*, bool>> read{{&s.layer, true}};  // the layer, filtered by where?
  if (s.previous) read.emplace_back(&*s.previous, true);
  if (s.within) read.emplace_back(&*s.within, false);
  for (const LayerRef& with : s.with) read.emplace_back(&with, false);
  nlohmann::ordered_json counts = nlohmann::ordered_json::object();
  std::vector<std::string> nothing;  // findings, in the order the layers are named
  for (const auto& [ref, filtered] : read) {
    const LayerGeometry geometry = ref == &s.layer ? checked_geometry(s) : LayerGeometry::Polygons;
    const std::size_t all = layers.get(*ref, geometry).features.size();
    const std::size_t kept = filtered ? layers.count_matching(*ref, s.where, geometry) : all;
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
  if (!s.where.empty()) details["where_matches"] = std::move(counts);
}

}  // namespace

CheckKind parse_check_kind(const std::string& text) { return kCheckKindNames.parse(text); }
std::string kind_name(CheckKind kind) { return kCheckKindNames.name(kind); }
std::vector<std::string> check_kind_names() { return kCheckKindNames.names(); }

ShareOf parse_share_of(const std::string& text) { return kShareOfNames.parse(text); }
std::string share_of_name(ShareOf share_of) { return kShareOfNames.name(share_of); }
std::vector<std::string> share_of_names() { return kShareOfNames.names(); }
CheckMeasure parse_check_measure(const std::string& text) { return kCheckMeasureNames.parse(text); }
std::string check_measure_name(CheckMeasure measure) { return kCheckMeasureNames.name(measure); }

std::string LayerRef::label() const { return layer.empty() ? path : fmt::format("{} ({})", path, layer); }

std::vector<std::string> default_protected_zones() {
  return {kDefaultProtectedZones.begin(), kDefaultProtectedZones.end()};
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
  detail::LayerSource layers(options.read);
  std::vector<CheckResult> results;
  for (const CheckSpec& s : specs) {
    CheckResult r;
    r.name = s.name.empty() ? fmt::format("{} {}", kind_name(s.kind), s.layer.label()) : s.name;
    r.kind = s.kind;
    r.layer = s.layer.label();
    r.delivery = s.delivery;
    r.passed = true;  // a kind clears it for a failed part (a group); the figure decides the rest
    nlohmann::ordered_json details = nlohmann::ordered_json::object();
    try {
      refuse_same_layer(s, layers);
      const unsigned threads = options.read.threads;
      const bool conflict_kind =
          s.kind == CheckKind::NoOverlap || s.kind == CheckKind::MaxInside || s.kind == CheckKind::NoGaps;
      const bool keep = options.keep_geometries || (conflict_kind && options.keep_conflict_geometries);
      switch (s.kind) {
        case CheckKind::NotReduced: detail::run_not_reduced(s, layers, threads, keep, r, details); break;
        case CheckKind::NatureUnchanged:
        case CheckKind::FunctionNotLowered: detail::run_class_unchanged(s, layers, threads, keep, r, details); break;
        case CheckKind::MinShare: detail::run_min_share(s, layers, threads, keep, r, details); break;
        case CheckKind::ShareOfZones: detail::run_share_of_zones(s, layers, threads, keep, r, details); break;
        case CheckKind::NoOverlap:
        case CheckKind::MaxInside:
        case CheckKind::NoGaps: detail::run_conflict_check(s, layers, threads, keep, r, details); break;
      }
      if (!std::isfinite(r.value) || !std::isfinite(r.threshold)) {
        throw InputError(fmt::format("the figure {} against {} is not a finite number: the input cannot be measured",
                                     r.value, r.threshold));
      }
      fail_when_nothing_measured(s, layers, r, details);
    } catch (const Error& e) {
      // The user must know which check met the problem, not only which file.
      rethrow_with_location(e, {}, detail::describe_check(s) + ": " + e.reason());
    }
    r.passed = detail::passes(r.value, r.comparison, r.threshold, r.decimals) && r.passed;
    // Invalid UTF-8 in an attribute value becomes U+FFFD rather than failing the run: the
    // report prints it the same way.
    r.details_json = details.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace redline
