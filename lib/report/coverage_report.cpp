#include "redline/report/coverage_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "redline/error.h"
#include "redline/measure/quantity_format.h"
#include "redline/report/area_report.h"
#include "report/layer_origin_report.h"
#include "report/json_text.h"
#include "util/enum_names.h"
#include "util/text.h"

namespace redline {

namespace {

constexpr detail::EnumNames<FeatureListing, 3> kFeatureListingNames{"feature listing", {{
    {FeatureListing::None, "none"}, {FeatureListing::Inside, "inside"}, {FeatureListing::All, "all"}}}};

}  // namespace

FeatureListing parse_feature_listing(const std::string& text) { return kFeatureListingNames.parse(text); }

std::string feature_listing_name(FeatureListing listing) { return kFeatureListingNames.name(listing); }

std::string feature_listing_choices() { return kFeatureListingNames.joined(); }

FeatureListing default_feature_listing(bool grouped) {
  return grouped ? FeatureListing::None : FeatureListing::Inside;
}

namespace {

nlohmann::ordered_json figures_json(const CoverageFigures& f, AreaUnit u) {
  return {{"area", from_square_metres(f.area_m2, u)},
          {"inside", from_square_metres(f.inside_m2, u)},
          {"outside", from_square_metres(f.outside_m2, u)},
          {"percent", f.percent()}};
}

std::vector<std::string> notes(const CoverageResult& r, AreaUnit u) {
  std::vector<std::string> lines;
  lines.push_back(fmt::format(
      "Inside = within the union of the cover (overlapping cover features count once); features "
      "that only touch the cover have 0 inside."));
  if (r.sliver_width_m > 0) {
    lines.push_back(fmt::format(
        "Slivers: an overlap whose every part is thinner than {} m is boundary noise, counted as "
        "outside: {} feature(s), {} {} in all.",
        r.sliver_width_m, r.sliver_features, format_area(r.sliver_m2, AreaUnit::SquareMetre), "m²"));
  } else {
    lines.push_back("Sliver detection off: every overlap counts as inside.");
  }
  if (r.cover_overlaps.features) {
    lines.push_back(fmt::format("The cover's own features overlap: {} feature(s) in {} group(s); their "
                                "overlaps were counted once.",
                                r.cover_overlaps.features, r.cover_overlaps.groups));
  }
  detail::append_read_lines(lines, "target: ", r.target, r.target_repair_delta_m2, u);
  detail::append_read_lines(lines, "cover: ", r.cover, r.cover_repair_delta_m2, u);
  return lines;
}

bool listed(const FeatureCoverage& f, FeatureListing listing) {
  return listing == FeatureListing::All || (listing == FeatureListing::Inside && f.inside_m2 > 0);
}

nlohmann::ordered_json coverage_json(const CoverageResult& r, const CoverageReportOptions& o) {
  const AreaUnit u = o.unit;
  nlohmann::ordered_json groups = nlohmann::ordered_json::array();
  if (!r.group_field.empty()) {
    for (const GroupCoverage& g : r.groups) {
      nlohmann::ordered_json j = {{"key", g.null_key ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(g.key)}};
      j.update(figures_json(g, u));
      j["features"] = g.features;
      j["features_inside"] = g.features_inside;
      groups.push_back(std::move(j));
    }
  } else {
    for (const FeatureCoverage& f : r.features) {
      nlohmann::ordered_json j = {{"key", f.id}};
      j.update(figures_json(f, u));
      j["features"] = 1;
      j["features_inside"] = f.inside_m2 > 0 ? 1 : 0;
      groups.push_back(std::move(j));
    }
  }
  nlohmann::ordered_json inside = nlohmann::ordered_json::array();
  for (const FeatureCoverage& f : r.features) {
    if (f.inside_m2 <= 0) continue;
    nlohmann::ordered_json j = {{"fid", f.fid}, {"id", f.id}};
    if (!r.group_field.empty()) j["group"] = f.group_missing ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.group);
    j.update(figures_json(f, u));
    inside.push_back(std::move(j));
  }
  nlohmann::ordered_json j = {{"unit", unit_name(u)},
                              {"method", method_name(r.method)},
                              {"total", figures_json(r.total, u)},
                              {"groups", std::move(groups)},
                              {"target", detail::origin_json(r.target)},
                              {"cover", detail::origin_json(r.cover)},
                              {"crs", r.crs.label()},
                              {"grid", r.grid_size},
                              {"sliver_width_m", r.sliver_width_m}};
  j["group_field"] = r.group_field.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.group_field);
  j["features"] = r.features.size();
  j["features_inside"] = r.features_inside;
  j["inside"] = std::move(inside);
  j["slivers"] = {{"features", r.sliver_features}, {"area", from_square_metres(r.sliver_m2, u)}};
  j["cover_overlaps"] = {{"features", r.cover_overlaps.features}, {"groups", r.cover_overlaps.groups}};
  j["read"] = {{"target", detail::origin_read_json(r.target, r.target_repair_delta_m2, u)},
               {"cover", detail::origin_read_json(r.cover, r.cover_repair_delta_m2, u)}};
  return j;
}

}  // namespace

std::string coverage_report_json(const CoverageResult& r, const CoverageReportOptions& o) {
  return detail::json_text(coverage_json(r, o));
}

std::string render_coverage_report(const CoverageResult& r, const CoverageReportOptions& o) {
  if (o.format == OutputFormat::Json) return coverage_report_json(r, o);
  const AreaUnit u = o.unit;
  const std::string ul = unit_symbol(u);

  Table summary;
  summary.title = "coverage of " + detail::origin_title(r.target) + " within " + detail::origin_title(r.cover);
  summary.column("item").column("value");
  summary.add_row({"CRS", r.crs.label()});
  summary.add_row({"method", method_name(r.method)});
  summary.add_row({"precision grid", fmt::format("{:g} {}", r.grid_size, r.crs.is_geographic() ? "°" : "m")});
  summary.add_row({"target features", std::to_string(r.features.size())});
  summary.add_row({"features inside", std::to_string(r.features_inside)});
  summary.add_row({"area (" + ul + ")", format_area(r.total.area_m2, u)});
  summary.add_row({"inside (" + ul + ")", format_area(r.total.inside_m2, u)});
  summary.add_row({"outside (" + ul + ")", format_area(r.total.outside_m2, u)});
  summary.add_row({"% inside", format_percent(r.total.percent())});
  summary.notes = notes(r, u);

  const std::vector<std::string> figure_cols = {"area (" + ul + ")", "inside (" + ul + ")",
                                                "outside (" + ul + ")", "% inside"};
  auto figure_cells = [&](const CoverageFigures& f) {
    return std::vector<std::string>{format_area(f.area_m2, u), format_area(f.inside_m2, u),
                                    format_area(f.outside_m2, u), format_percent(f.percent())};
  };

  Table groups;
  if (!r.group_field.empty()) {
    groups.title = "by " + r.group_field;
    groups.column(r.group_field).column("features", true).column("inside", true);
    for (const auto& c : figure_cols) groups.column(c, true);
    for (const GroupCoverage& g : r.groups) {
      std::vector<std::string> row = {group_label(g.key, g.null_key), std::to_string(g.features),
                                      std::to_string(g.features_inside)};
      if (g.null_key) {
        groups.notes.push_back(fmt::format("(null): {} feature(s) without a {} value (null or NaN), kept apart "
                                           "from empty text",
                                           g.features, r.group_field));
      }
      for (auto& c : figure_cells(g)) row.push_back(std::move(c));
      groups.add_row(std::move(row));
    }
    std::vector<std::string> row = {"total", std::to_string(r.features.size()), std::to_string(r.features_inside)};
    for (auto& c : figure_cells(r.total)) row.push_back(std::move(c));
    groups.add_row(std::move(row));
  }

  Table features;
  if (o.listing != FeatureListing::None) {
    features.title = o.listing == FeatureListing::Inside
                         ? fmt::format("features inside the cover ({} of {})", r.features_inside, r.features.size())
                         : "features";
    features.column("fid", true).column(r.id_field.empty() ? "id" : r.id_field);
    if (!r.group_field.empty()) features.column(r.group_field);
    for (const auto& c : figure_cols) features.column(c, true);
    for (const FeatureCoverage& f : r.features) {
      if (!listed(f, o.listing)) continue;
      std::vector<std::string> row = {std::to_string(f.fid), f.id};
      if (!r.group_field.empty()) row.push_back(f.group_missing ? "(null)" : f.group);
      for (auto& c : figure_cells(f)) row.push_back(std::move(c));
      features.add_row(std::move(row));
    }
  }

  if (o.format == OutputFormat::Csv) {
    if (o.listing != FeatureListing::None) return render_tables({features}, o.format, o.bom);
    if (!r.group_field.empty()) return render_tables({groups}, o.format, o.bom);
    Table t;
    t.column("target").column("cover").column("features", true).column("features inside", true);
    for (const auto& c : figure_cols) t.column(c, true);
    std::vector<std::string> row = {r.target.layer, r.cover.layer, std::to_string(r.features.size()),
                                    std::to_string(r.features_inside)};
    for (auto& c : figure_cells(r.total)) row.push_back(std::move(c));
    t.add_row(std::move(row));
    return render_tables({t}, o.format, o.bom);
  }
  std::vector<Table> tables{summary};
  if (!r.group_field.empty()) tables.push_back(groups);
  if (o.listing != FeatureListing::None) tables.push_back(features);
  return render_tables(tables, o.format, o.bom);
}

}  // namespace redline
