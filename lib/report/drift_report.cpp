#include "redline/report/drift_report.h"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "redline/report/area_report.h"
#include "report/json_text.h"
#include "report/layer_origin_report.h"

namespace redline {

namespace {

std::string fmt_signed(double m2, AreaUnit unit) {
  const std::string s = format_area(m2, unit);
  return (m2 > 0 && s.find_first_not_of("0.") != std::string::npos) ? "+" + s : s;
}

nlohmann::ordered_json fid_json(std::int64_t fid) {
  return fid < 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(fid);
}

std::string features_line(const DriftResult& r) {
  const DriftFeatureCounts& f = r.features;
  std::string by = f.matched_by == "key" ? "by " + r.key_field : "by geometry";
  return fmt::format("{} matched {} ({} modified: {} geometry, {} attributes, {} both), {} added, {} removed",
                     f.matched, by, f.modified, f.modified_geometry, f.modified_attributes, f.modified_both,
                     f.added, f.removed);
}

nlohmann::ordered_json report_json(const DriftResult& r, AreaUnit u) {
  auto in_unit = [u](double m2) { return from_square_metres(m2, u); };
  nlohmann::ordered_json reclassified = nlohmann::ordered_json::array();
  for (const Reclassification& rc : r.reclassified) {
    reclassified.push_back({{"from", rc.from}, {"to", rc.to}, {"area", in_unit(rc.m2)}, {"noise", in_unit(rc.noise_m2)}});
  }
  nlohmann::ordered_json changes = nlohmann::ordered_json::array();
  for (const FeatureDrift& f : r.changes) {
    changes.push_back({{"key", f.key},
                       {"change", to_string(f.change)},
                       {"before_fid", fid_json(f.before_fid)},
                       {"after_fid", fid_json(f.after_fid)},
                       {"before", in_unit(f.before_m2)},
                       {"after", in_unit(f.after_m2)},
                       {"delta", in_unit(f.delta_m2())},
                       {"gained", in_unit(f.gained_m2)},
                       {"lost", in_unit(f.lost_m2)},
                       {"fields", f.changed_fields}});
  }
  const DriftFeatureCounts& fc = r.features;
  nlohmann::ordered_json j = {
      {"unit", unit_name(u)},
      {"before", in_unit(r.before_m2)},
      {"after", in_unit(r.after_m2)},
      {"delta", in_unit(r.delta_m2())},
      {"delta_percent", r.delta_percent()},
      {"gained", in_unit(r.gained_m2)},
      {"lost", in_unit(r.lost_m2)},
      {"gained_noise", in_unit(r.gained_noise_m2)},
      {"lost_noise", in_unit(r.lost_noise_m2)},
      {"features", {{"matched", fc.matched},
                    {"added", fc.added},
                    {"removed", fc.removed},
                    {"modified", fc.modified},
                    {"matched_by", fc.matched_by},
                    {"modified_geometry", fc.modified_geometry},
                    {"modified_attributes", fc.modified_attributes},
                    {"modified_both", fc.modified_both},
                    {"missing_keys_before", fc.missing_keys_before},
                    {"missing_keys_after", fc.missing_keys_after}}},
      {"reclassified", std::move(reclassified)},
      {"gained_real", in_unit(r.gained_real_m2())},
      {"lost_real", in_unit(r.lost_real_m2())},
      {"gained_pieces", r.gained_pieces},
      {"lost_pieces", r.lost_pieces},
      {"changes", std::move(changes)},
      {"settings", {{"method", method_name(r.method)},
                    {"crs", r.crs.label()},
                    {"key", r.key_field.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.key_field)},
                    {"class_field", r.class_field.empty() ? nlohmann::ordered_json(nullptr)
                                                          : nlohmann::ordered_json(r.class_field)},
                    {"sliver_width", r.sliver_width},
                    {"sliver_area", r.sliver_area},
                    {"fast_shift", r.fast_shift},
                    {"grid_size", r.grid_size}}},
      {"work", {{"identical", r.work.identical},
                {"within_shift", r.work.within_shift},
                {"overlaid", r.work.overlaid},
                {"max_shift", r.work.max_shift}}},
      {"before_source", r.before.source},
      {"before_layer", r.before.layer},
      {"after_source", r.after.source},
      {"after_layer", r.after.layer},
      {"notes", r.notes}};
  return j;
}

}  // namespace

std::string drift_report_json(const DriftResult& r, AreaUnit u) {
  return detail::json_text(report_json(r, u));
}

std::string render_drift_report(const DriftResult& r, const DriftReportOptions& o) {
  if (o.format == OutputFormat::Json) return drift_report_json(r, o.unit);
  const AreaUnit u = o.unit;
  const std::string col = "area (" + unit_symbol(u) + ")";
  // The unrounded figure behind a cell, in the unit (a workbook writes it as the number).
  auto exact = [u](double m2) { return std::optional<double>(from_square_metres(m2, u)); };
  const std::optional<double> none;
  const bool workbook = o.format == OutputFormat::Xlsx;

  Table summary;
  summary.title = fmt::format("drift: {} ({}) → {} ({})", r.before.source, r.before.layer, r.after.source, r.after.layer);
  summary.column("item").column(col, true).column("note");
  summary.add_row({"before", format_area(r.before_m2, u), ""}, {none, exact(r.before_m2), none});
  summary.add_row({"after", format_area(r.after_m2, u), ""}, {none, exact(r.after_m2), none});
  const double pct = std::fabs(r.delta_percent()) < 5e-4 ? 0.0 : r.delta_percent();  // no "-0.000 %"
  summary.add_row({"delta", fmt_signed(r.delta_m2(), u), fmt::format("{:+.3f} %", pct)}, {none, exact(r.delta_m2()), none});
  summary.add_row({"gained (after − before)", format_area(r.gained_m2, u), ""}, {none, exact(r.gained_m2), none});
  summary.add_row({"  real change", format_area(r.gained_real_m2(), u), fmt::format("{} piece(s)", r.gained_pieces)}, {none, exact(r.gained_real_m2()), none});
  summary.add_row({"  noise", format_area(r.gained_noise_m2, u), "slivers"}, {none, exact(r.gained_noise_m2), none});
  summary.add_row({"lost (before − after)", format_area(r.lost_m2, u), ""}, {none, exact(r.lost_m2), none});
  summary.add_row({"  real change", format_area(r.lost_real_m2(), u), fmt::format("{} piece(s)", r.lost_pieces)}, {none, exact(r.lost_real_m2()), none});
  summary.add_row({"  noise", format_area(r.lost_noise_m2, u), "slivers"}, {none, exact(r.lost_noise_m2), none});
  if (!r.class_field.empty()) {
    summary.add_row({"reclassified (" + r.class_field + ")", format_area(r.reclassified_m2(), u), ""}, {none, exact(r.reclassified_m2()), none});
  }
  summary.add_row({"features", "", features_line(r)});
  summary.notes.push_back(fmt::format(
      "noise: pieces thinner than {} m or smaller than {} m²; method {}; CRS {}", format_number(r.sliver_width, 3),
      format_number(r.sliver_area, 3), method_name(r.method), r.crs.label()));
  summary.notes.push_back(fmt::format(
      "{} feature pair(s) identical, {} within {} m measured edge by edge (largest shift {} mm), {} feature(s) overlaid",
      r.work.identical, r.work.within_shift, format_number(r.fast_shift, 3), format_number(r.work.max_shift * 1000, 2),
      r.work.overlaid));
  for (const std::string& n : r.notes) summary.notes.push_back(n);
  detail::append_read_lines(summary.notes, "BEFORE: ", r.before, 0.0, u);
  detail::append_read_lines(summary.notes, "AFTER: ", r.after, 0.0, u);

  Table reclass;
  if (!r.class_field.empty()) {
    reclass.title = "reclassified: " + r.class_field + " from → to";
    reclass.column("from").column("to").column(col, true).column("noise", true);
    std::size_t noise_only = 0;
    double noise_only_m2 = 0.0;
    for (const Reclassification& rc : r.reclassified) {
      if (rc.m2 <= 0) {
        // Slivers along the boundary between two classes: counted, but not a row of their own.
        ++noise_only;
        noise_only_m2 += rc.noise_m2;
        continue;
      }
      reclass.add_row({rc.from.empty() ? "(empty)" : rc.from, rc.to.empty() ? "(empty)" : rc.to, format_area(rc.m2, u),
                       format_area(rc.noise_m2, u)},
                      {none, none, exact(rc.m2), exact(rc.noise_m2)});
    }
    if (reclass.rows.empty()) reclass.notes.push_back("no area changed class (beyond noise)");
    if (noise_only) {
      reclass.notes.push_back(fmt::format("{} other from → to pair(s) with noise only: {} {} in all (the JSON report lists them)",
                                          noise_only, format_area(noise_only_m2, AreaUnit::SquareMetre), "m²"));
    }
  }

  Table changes;
  changes.title = "changed features";
  changes.column(r.key_field.empty() ? "fid (before → after)" : r.key_field)
      .column("change")
      .column("before", true)
      .column("after", true)
      .column("delta", true)
      .column("fields");
  const std::size_t limit = o.format == OutputFormat::Csv || workbook ? r.changes.size() : o.list_features;
  for (std::size_t n = 0; n < r.changes.size() && n < limit; ++n) {
    const FeatureDrift& f = r.changes[n];
    std::string fields;
    for (const std::string& name : f.changed_fields) fields += (fields.empty() ? "" : ", ") + name;
    auto fid = [](std::int64_t v) { return v < 0 ? std::string("-") : std::to_string(v); };
    const std::string name = r.key_field.empty() ? fid(f.before_fid) + " → " + fid(f.after_fid) : f.key;
    changes.add_row({name, to_string(f.change), f.before_fid < 0 ? "-" : format_area(f.before_m2, u),
                     f.after_fid < 0 ? "-" : format_area(f.after_m2, u), fmt_signed(f.delta_m2(), u), fields},
                    {none, none, f.before_fid < 0 ? none : exact(f.before_m2), f.after_fid < 0 ? none : exact(f.after_m2),
                     exact(f.delta_m2()), none});
  }
  if (r.changes.size() > limit) changes.notes.push_back(fmt::format("… and {} more (the JSON report lists all)", r.changes.size() - limit));

  if (o.format == OutputFormat::Csv) {
    if (o.csv_changes) return render_tables({changes}, o.format, o.bom);
    return render_tables({summary}, o.format, o.bom);
  }
  std::vector<Table> tables{summary};
  if (!r.class_field.empty()) tables.push_back(reclass);
  if ((o.list_features > 0 || workbook) && !r.changes.empty()) tables.push_back(changes);
  if (workbook) {
    tables.push_back(inputs_table({{"before", r.before.source, r.before.layer, r.crs.label()},
                                   {"after", r.after.source, r.after.layer, r.crs.label()}}));
  }
  return render_tables(tables, o.format, o.bom);
}

}  // namespace redline
