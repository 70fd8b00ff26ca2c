#include "redline/report/qa_report.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "report/json_text.h"
#include "report/layer_origin_report.h"
#include "report/qa_ids.h"

namespace redline {
namespace {

using Json = nlohmann::ordered_json;

constexpr AreaMethod kMethods[3] = {AreaMethod::Ellipsoidal, AreaMethod::Survey, AreaMethod::Planar};

bool was_checked(const QaResult& r, QaFindingKind kind) {
  for (QaFindingKind k : r.checked) {
    if (k == kind) return true;
  }
  return false;
}

Json optional_number(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

Json finding_json(const QaResult& r, const QaFinding& f, AreaUnit unit) {
  Json features = Json::array(), fids = Json::array();
  for (const QaFeature& feature : f.features) {
    if (r.options.key_field.empty()) {
      features.push_back(feature.fid);
    } else {
      features.push_back(feature.key);
    }
    fids.push_back(feature.fid);
  }
  Json j = {{"kind", qa_kind_name(f.kind)}, {"features", std::move(features)}, {"fids", std::move(fids)},
            {"x", optional_number(f.x)}, {"y", optional_number(f.y)}};
  if (f.area_m2) j["area"] = from_square_metres(*f.area_m2, unit);
  j["detail"] = f.detail;
  return j;
}

std::string location_text(const std::optional<double>& v) { return v ? format_number(*v, 3) : "-"; }

std::string area_text(const QaFinding& f, AreaUnit unit) { return f.area_m2 ? format_area(*f.area_m2, unit) : ""; }

// The area a kind's findings add up to, when the kind measures one.
std::optional<double> kind_area_m2(const QaResult& r, QaFindingKind kind) {
  switch (kind) {
    case QaFindingKind::Overlap:
      return r.overlap_area_m2;
    case QaFindingKind::Gap:
      return r.gap_area_m2;
    case QaFindingKind::Sliver:
      return r.sliver_area_m2;
    default:
      return std::nullopt;
  }
}

Table findings_table(const QaResult& r, AreaUnit unit, std::size_t limit) {
  Table t;
  t.title = "findings";
  const std::string id_column = r.options.key_field.empty() ? "features (FID)" : "features (" + r.options.key_field + ")";
  t.column("kind").column(id_column).column("x", true).column("y", true).column("area (" + unit_symbol(unit) + ")", true)
      .column("detail");
  for (std::size_t i = 0; i < r.findings.size() && i < limit; ++i) {
    const QaFinding& f = r.findings[i];
    t.add_row({qa_kind_name(f.kind), detail::qa_ids_text(f, r.options.key_field), location_text(f.x),
               location_text(f.y), area_text(f, unit), f.detail});
  }
  if (r.findings.size() > limit) {
    t.notes.push_back(fmt::format("… and {} more finding(s); the JSON, CSV and Markdown reports list all",
                                  r.findings.size() - limit));
  }
  return t;
}

// The method most values lie closest to (ties: the first in AreaMethod order).
AreaMethod best_match(const QaResult& r) {
  std::size_t best = 0;
  for (std::size_t m = 1; m < 3; ++m) {
    if (r.area_field_matches[m] > r.area_field_matches[best]) best = m;
  }
  return kMethods[best];
}

std::string matches_line(const QaResult& r) {
  std::vector<std::string> parts;
  for (AreaMethod m : kMethods) {
    parts.push_back(fmt::format("{} {}", method_name(m), r.area_field_matches[static_cast<std::size_t>(m)]));
  }
  std::size_t numeric = 0;
  for (std::size_t n : r.area_field_matches) numeric += n;
  if (numeric == 0) return r.options.area_field + ": no feature holds a number";
  return fmt::format("{} ({}) lies closest to the {} area; features by closest area: {}", r.options.area_field,
                     unit_symbol(r.options.area_field_unit), method_name(best_match(r)),
                     fmt::join(parts, ", "));
}

}  // namespace

std::string qa_not_checked_reason(const QaResult& r, QaFindingKind kind) {
  if (was_checked(r, kind)) return "";
  switch (kind) {
    case QaFindingKind::Gap:
      return "no boundary layer given";
    case QaFindingKind::Sliver:
      return "sliver width 0";
    case QaFindingKind::Spike:
      return "spike angle 0";
    case QaFindingKind::DuplicateKey:
    case QaFindingKind::EmptyKey:
      return "no key field given";
    case QaFindingKind::AreaField:
      return "no area field given";
    case QaFindingKind::Invalid:
    case QaFindingKind::Overlap:
      break;
  }
  return "not checked";
}

std::string qa_report_json(const QaResult& r, const QaReportOptions& o) {
  const AreaUnit u = o.unit;
  const QaOptions& s = r.options;
  Json j = {{"source", r.origin.source}, {"layer", r.origin.layer}, {"crs", r.crs.label()}};
  j["within"] = r.within ? detail::origin_json(*r.within) : Json(nullptr);
  j["settings"] = {{"key_field", s.key_field},
                   {"area_field", s.area_field},
                   {"area_field_unit", unit_name(s.area_field_unit)},
                   {"area_tolerance_percent", s.area_tolerance_percent},
                   {"sliver_width_m", s.sliver_width_metres},
                   {"noise_width_m", s.noise_width_metres},
                   {"spike_angle_degrees", s.spike_angle_degrees},
                   {"method", method_name(s.method)},
                   {"unit", unit_name(u)}};
  Json checked = Json::array(), not_checked = Json::array(), counts = Json::object();
  for (std::size_t k = 0; k < kQaFindingKinds; ++k) {
    const auto kind = static_cast<QaFindingKind>(k);
    if (was_checked(r, kind)) {
      checked.push_back(qa_kind_name(kind));
      counts[qa_kind_name(kind)] = r.counts[k];
    } else {
      not_checked.push_back({{"kind", qa_kind_name(kind)}, {"why", qa_not_checked_reason(r, kind)}});
    }
  }
  j["checked"] = std::move(checked);
  j["not_checked"] = std::move(not_checked);
  j["counts"] = std::move(counts);
  Json findings = Json::array();
  for (const QaFinding& f : r.findings) findings.push_back(finding_json(r, f, u));
  j["findings"] = std::move(findings);
  if (!s.area_field.empty()) {
    Json matches = Json::object();
    for (AreaMethod m : kMethods) matches[method_name(m)] = r.area_field_matches[static_cast<std::size_t>(m)];
    j["area_field"] = {{"field", s.area_field}, {"unit", unit_name(s.area_field_unit)}, {"matches", std::move(matches)}};
  }
  j["totals"] = {{"overlaps", from_square_metres(r.overlap_area_m2, u)},
                 {"gaps", from_square_metres(r.gap_area_m2, u)},
                 {"slivers", from_square_metres(r.sliver_area_m2, u)}};
  j["noise"] = {{"overlaps", r.noise_overlaps}, {"gaps", r.noise_gaps}};
  j["read"] = detail::origin_read_json(r.origin, r.repair_delta_m2, u);
  if (r.within) j["within_read"] = detail::origin_read_json(*r.within, 0, u);
  return detail::json_text(j);
}

std::string render_qa_report(const QaResult& r, const QaReportOptions& o) {
  if (o.format == OutputFormat::Json) return qa_report_json(r, o);
  const AreaUnit u = o.unit;
  if (o.format == OutputFormat::Csv) return render_tables({findings_table(r, u, r.findings.size())}, o.format, o.bom);

  Table summary;
  summary.title = "delivery QA — " + detail::origin_title(r.origin);
  summary.column("check").column("findings", true).column("area (" + unit_symbol(u) + ")", true).column("note");
  for (std::size_t k = 0; k < kQaFindingKinds; ++k) {
    const auto kind = static_cast<QaFindingKind>(k);
    if (!was_checked(r, kind)) {
      summary.add_row({qa_kind_name(kind), "-", "", "not checked: " + qa_not_checked_reason(r, kind)});
      continue;
    }
    const std::optional<double> area = kind_area_m2(r, kind);
    summary.add_row({qa_kind_name(kind), std::to_string(r.counts[k]), area ? format_area(*area, u) : "",
                     r.counts[k] == 0 ? "clean" : ""});
  }
  summary.notes.push_back("CRS: " + r.crs.label());
  if (r.within) summary.notes.push_back("boundary: " + detail::origin_title(*r.within));
  summary.notes.push_back(fmt::format("sliver width {:g} m, spike angle {:g}°, overlaps and gaps thinner than {:g} m "
                                      "not counted",
                                      r.options.sliver_width_metres, r.options.spike_angle_degrees,
                                      r.options.noise_width_metres));
  if (r.noise_overlaps + r.noise_gaps > 0) {
    summary.notes.push_back(fmt::format("left out as noise: {} overlap piece(s), {} gap piece(s)", r.noise_overlaps,
                                        r.noise_gaps));
  }
  if (!r.options.area_field.empty()) {
    summary.notes.push_back(matches_line(r));
    summary.notes.push_back(fmt::format("area field tolerance {:g} % of the computed area", r.options.area_tolerance_percent));
  }
  detail::append_read_lines(summary.notes, "read: ", r.origin, r.repair_delta_m2, u);
  const std::size_t limit = o.format == OutputFormat::Text ? o.shown : r.findings.size();
  std::vector<Table> tables{summary};
  if (!r.findings.empty()) tables.push_back(findings_table(r, u, limit));
  return render_tables(tables, o.format, o.bom);
}

namespace detail {

std::string qa_ids_text(const QaFinding& finding, const std::string& key_field) {
  if (finding.kind == QaFindingKind::DuplicateKey && !finding.features.empty()) {
    // One value held by several features: the value once, the features by FID.
    return finding.features.front().key + " (FID " + qa_fids_text(finding) + ")";
  }
  std::vector<std::string> ids;
  for (const QaFeature& f : finding.features) {
    ids.push_back(key_field.empty() || f.key.find_first_not_of(" \t\r\n") == std::string::npos
                      ? (key_field.empty() ? std::to_string(f.fid) : "FID " + std::to_string(f.fid))
                      : f.key);
  }
  return fmt::format("{}", fmt::join(ids, ", "));
}

std::string qa_fids_text(const QaFinding& finding) {
  std::vector<std::int64_t> fids;
  for (const QaFeature& f : finding.features) fids.push_back(f.fid);
  return fmt::format("{}", fmt::join(fids, ", "));
}

}  // namespace detail
}  // namespace redline
