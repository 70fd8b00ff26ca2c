// Delivery QA: the options, the kinds' names, and the pass that runs each check in turn.
#include "redline/checks/delivery_qa.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>

#include "checks/delivery_qa_parts.h"
#include "overlay/repair_delta.h"
#include "util/enum_names.h"

namespace redline {
namespace {

// Each kind's name (what reports print) first, then the other spellings accepted.
constexpr detail::EnumNames<QaFindingKind, 18> kKindNames{"QA finding kind", {{
    {QaFindingKind::Invalid, "invalid"}, {QaFindingKind::Overlap, "overlaps"}, {QaFindingKind::Gap, "gaps"},
    {QaFindingKind::Sliver, "slivers"}, {QaFindingKind::Spike, "spikes"},
    {QaFindingKind::DuplicateKey, "duplicate-keys"}, {QaFindingKind::EmptyKey, "empty-keys"},
    {QaFindingKind::AreaField, "area-field"},
    // aliases
    {QaFindingKind::Invalid, "invalid-geometry"}, {QaFindingKind::Overlap, "overlap"},
    {QaFindingKind::Overlap, "self-overlaps"}, {QaFindingKind::Gap, "gap"}, {QaFindingKind::Sliver, "sliver"},
    {QaFindingKind::Spike, "spike"}, {QaFindingKind::DuplicateKey, "duplicate-key"},
    {QaFindingKind::EmptyKey, "empty-key"}, {QaFindingKind::AreaField, "area-fields"},
    {QaFindingKind::AreaField, "area"},
}}, "or all"};

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

void check_range(double value, double max, const char* what, const char* unit) {
  // Written so that NaN fails: it compares false with everything.
  if (!(value >= 0 && value <= max)) {
    throw UsageError(fmt::format("the {} must be 0 or a number of {} up to {:g}, not {}", what, unit, max, value));
  }
}

// Throws InputError naming the first feature that is not polygonal: QA judges polygon
// deliveries, and a line or point layer has no overlaps, gaps or areas to judge.
void require_polygons(const Layer& layer) {
  for (const Feature& f : layer.features) {
    if (f.geometry.is_null() || f.geometry.is_empty() || f.geometry.is_polygonal()) continue;
    throw InputError("is a " + f.geometry.type_name() +
                         ", not a polygon: delivery QA checks polygon layers (parcels, red line patches)",
                     layer.where(f.fid));
  }
}

}  // namespace

std::string qa_kind_name(QaFindingKind kind) { return kKindNames.name(kind); }

std::vector<std::string> qa_kind_names() { return kKindNames.names(); }

std::vector<QaFindingKind> parse_qa_kinds(const std::string& text) {
  std::vector<QaFindingKind> kinds;
  if (detail::ascii_lower(trimmed(text)) == "all") {
    for (std::size_t k = 0; k < kQaFindingKinds; ++k) kinds.push_back(static_cast<QaFindingKind>(k));
    return kinds;
  }
  std::string_view rest = text;
  for (;;) {
    const std::size_t comma = rest.find(',');
    const std::string_view item = trimmed(rest.substr(0, comma));
    if (item.empty()) {
      throw UsageError("empty QA finding kind in " + detail::quoted(text) + " (expected " + kKindNames.joined() +
                       ", separated by commas, or all)");
    }
    const QaFindingKind kind = kKindNames.parse(item);
    bool seen = false;
    for (QaFindingKind k : kinds) seen = seen || k == kind;
    if (!seen) kinds.push_back(kind);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return kinds;
}

void validate_qa_options(const QaOptions& o) {
  validate_sliver_width(o.sliver_width_metres, "sliver width");
  validate_sliver_width(o.noise_width_metres, "noise width");
  check_range(o.spike_angle_degrees, kMaxSpikeAngleDegrees, "spike angle", "degrees");
  check_range(o.area_tolerance_percent, kMaxAreaTolerancePercent, "area tolerance", "percent");
}

QaResult run_delivery_qa(const Layer& layer, const Layer* within, const QaOptions& options) {
  validate_qa_options(options);
  require_polygons(layer);
  QaResult r;
  r.origin = origin_of(layer);
  if (within) r.within = origin_of(*within);
  r.crs = layer.crs;
  r.options = options;
  r.options.progress = nullptr;
  r.repair_delta_m2 = detail::repair_delta_m2(layer, options.method);

  std::optional<std::size_t> key;
  if (!options.key_field.empty()) key = layer.field_index(options.key_field);
  std::optional<std::size_t> area_field;
  if (!options.area_field.empty()) area_field = layer.field_index(options.area_field);

  std::vector<std::vector<QaFinding>> by_kind(kQaFindingKinds);
  auto bucket = [&](QaFindingKind k) -> std::vector<QaFinding>& { return by_kind[static_cast<std::size_t>(k)]; };
  auto checked = [&](QaFindingKind k) { r.checked.push_back(k); };

  checked(QaFindingKind::Invalid);
  detail::find_invalid_geometries(layer, options, key, bucket(QaFindingKind::Invalid));
  checked(QaFindingKind::Overlap);
  detail::find_self_overlaps(layer, options, key, bucket(QaFindingKind::Overlap), r.overlap_area_m2,
                             r.noise_overlaps);
  if (within) {
    checked(QaFindingKind::Gap);
    detail::find_boundary_gaps(layer, *within, options, bucket(QaFindingKind::Gap), r.gap_area_m2, r.noise_gaps);
  }
  if (options.sliver_width_metres > 0) {
    checked(QaFindingKind::Sliver);
    detail::find_sliver_polygons(layer, options, key, bucket(QaFindingKind::Sliver), r.sliver_area_m2);
  }
  if (options.spike_angle_degrees > 0) {
    checked(QaFindingKind::Spike);
    detail::find_spikes(layer, options, key, bucket(QaFindingKind::Spike));
  }
  if (key) {
    checked(QaFindingKind::DuplicateKey);
    checked(QaFindingKind::EmptyKey);
    detail::find_key_problems(layer, options, *key, bucket(QaFindingKind::DuplicateKey),
                              bucket(QaFindingKind::EmptyKey));
  }
  if (area_field) {
    checked(QaFindingKind::AreaField);
    detail::find_area_field_problems(layer, options, *area_field, key, bucket(QaFindingKind::AreaField),
                                     r.area_field_matches);
  }
  std::sort(r.checked.begin(), r.checked.end());
  for (std::size_t k = 0; k < kQaFindingKinds; ++k) {
    r.counts[k] = by_kind[k].size();
    for (QaFinding& f : by_kind[k]) r.findings.push_back(std::move(f));
  }
  return r;
}

bool breaks_strict(const QaResult& result, const std::vector<QaFindingKind>& strict) {
  for (QaFindingKind k : strict) {
    if (result.counts[static_cast<std::size_t>(k)] > 0) return true;
  }
  return false;
}

namespace detail {

QaFeature qa_feature(const Layer& layer, std::size_t index, std::optional<std::size_t> key_field) {
  const Feature& f = layer.features[index];
  QaFeature out;
  out.fid = f.fid;
  if (key_field) out.key = to_string(f.values[*key_field]);
  return out;
}

std::string qa_feature_words(const QaFeature& feature, const std::string& key_field) {
  if (key_field.empty() || feature.key.empty()) return "FID " + std::to_string(feature.fid);
  return key_field + " " + feature.key;
}

std::optional<std::pair<double, double>> box_centre(GeometryView geometry) {
  if (geometry.is_empty()) return std::nullopt;
  const Envelope box = geometry.envelope();
  if (box.is_null) return std::nullopt;
  return std::make_pair((box.min_x + box.max_x) / 2, (box.min_y + box.max_y) / 2);
}

}  // namespace detail
}  // namespace redline
