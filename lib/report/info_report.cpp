#include "redline/report/info_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "redline/report/area_report.h"
#include "report/json_text.h"
#include "util/enum_names.h"

namespace redline {

namespace {

constexpr detail::EnumNames<FieldType, 3> kFieldTypeNames{
    "field type",
    {{{FieldType::Integer, "integer"}, {FieldType::Real, "real"}, {FieldType::Text, "text"}}}};

std::string type_name(FieldType t) { return kFieldTypeNames.name(t); }

std::string crs_text(const LayerInfo& l) {
  if (l.crs.is_known()) return l.crs.label();
  std::string s = "none (no .prj?)";
  if (!l.crs_guess.suggestion.empty()) s += "; likely " + l.crs_guess.suggestion;
  return s;
}

// The problem with its hint in neutral words (a front end that spells hints its own way has
// already moved its advice into `problem` and cleared the hint).
std::string problem_text(const LayerInfo& l) {
  const std::string advice = describe(l.problem_hint);
  return advice.empty() ? l.problem : l.problem + "; " + advice;
}

}  // namespace

std::string source_info_json(const SourceInfo& info) {
  nlohmann::ordered_json layers = nlohmann::ordered_json::array();
  for (const auto& l : info.layers) {
    nlohmann::ordered_json fields = nlohmann::ordered_json::array();
    for (const auto& f : l.fields) fields.push_back({{"name", f.name}, {"type", type_name(f.type)}, {"width", f.width}});
    nlohmann::ordered_json issues = nlohmann::ordered_json::array();
    for (const auto& is : l.issues) {
      nlohmann::ordered_json j = {{"fid", is.fid}, {"kind", to_string(is.kind)}, {"reason", is.reason}};
      if (is.x) j["x"] = *is.x, j["y"] = *is.y;
      issues.push_back(std::move(j));
    }
    nlohmann::ordered_json j = {
        {"name", l.name},
        {"geometry_type", l.geometry_type},
        {"features", l.features},
        {"crs", l.crs.is_known() ? nlohmann::ordered_json(l.crs.label()) : nlohmann::ordered_json()},
        {"epsg", l.crs.epsg() ? nlohmann::ordered_json(*l.crs.epsg()) : nlohmann::ordered_json()},
        {"extent", l.extent.is_null ? nlohmann::ordered_json()
                                    : nlohmann::ordered_json({l.extent.min_x, l.extent.min_y, l.extent.max_x, l.extent.max_y})},
        {"encoding", l.encoding},
        {"fields", std::move(fields)},
        {"polygonal", l.polygonal},
        {"lines", l.lines},
        {"null_geometries", l.null_geometries},
        {"empty_geometries", l.empty_geometries},
        {"invalid", l.invalid},
        {"not_polygon", l.not_polygon},
        {"degenerate_lines", l.degenerate_lines},
        {"issues", std::move(issues)},
        {"problem", problem_text(l)},
        {"crs_contradiction", l.crs_contradiction}};
    if (!l.crs.is_known()) {
      j["crs_suggestion"] = l.crs_guess.suggestion;
      j["crs_explanation"] = l.crs_guess.explanation;
    }
    layers.push_back(std::move(j));
  }
  const nlohmann::ordered_json j = {
      {"source", info.path}, {"driver", info.driver}, {"layers", std::move(layers)}};
  return detail::json_text(j);
}

std::string render_source_info(const SourceInfo& info, OutputFormat format) {
  if (format == OutputFormat::Json) {
    return source_info_json(info);
  }
  std::vector<Table> tables;
  for (const auto& l : info.layers) {
    Table t;
    t.title = fmt::format("{} ({}) — layer {}", info.path, info.driver, l.name);
    t.column("item").column("value");
    t.add_row({"geometry", l.geometry_type});
    t.add_row({"features", std::to_string(l.features)});
    t.add_row({"CRS", crs_text(l)});
    if (!l.crs.is_known() && !l.crs_guess.explanation.empty()) t.add_row({"", l.crs_guess.explanation});
    if (!l.crs_contradiction.empty()) t.add_row({"CRS check", "contradicted: " + l.crs_contradiction});
    if (!l.extent.is_null) {
      t.add_row({"extent", fmt::format("{:.3f}, {:.3f} — {:.3f}, {:.3f}", l.extent.min_x, l.extent.min_y,
                                       l.extent.max_x, l.extent.max_y)});
    }
    t.add_row({"encoding", l.encoding.empty() ? "none declared (no .cpg, no code page)" : l.encoding});
    std::string fields;
    for (const auto& f : l.fields) fields += (fields.empty() ? "" : ", ") + f.name + " (" + type_name(f.type) + ")";
    t.add_row({"fields", fields.empty() ? "none" : fields});
    if (l.problem.empty()) {
      if (l.lines) {
        t.add_row({"measured as", "lines, by length (redline length)"});
        t.add_row({"degenerate lines", std::to_string(l.degenerate_lines)});
      } else {
        t.add_row({"invalid polygons", std::to_string(l.invalid)});
      }
      t.add_row({"empty geometries", std::to_string(l.empty_geometries)});
      t.add_row({"null geometries", std::to_string(l.null_geometries)});
      if (l.not_polygon) {
        t.add_row({l.lines ? "non-line features" : "non-polygon features", std::to_string(l.not_polygon)});
      }
      std::size_t shown = 0;
      for (const auto& is : l.issues) {
        if (++shown > 10) {
          t.notes.push_back(fmt::format("… and {} more", l.issues.size() - 10));
          break;
        }
        t.notes.push_back(fmt::format("feature {}: {}: {}{}", is.fid, to_string(is.kind), is.reason,
                                      is.x ? fmt::format(" at ({:.3f}, {:.3f})", *is.x, *is.y) : ""));
      }
    } else {
      t.add_row({"problem", problem_text(l)});
    }
    tables.push_back(std::move(t));
  }
  return render_tables(tables, format);
}

}  // namespace redline
