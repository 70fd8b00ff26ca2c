#include "report/summary_tables.h"

#include <fmt/format.h>

#include "redline/measure/quantity_format.h"

namespace redline::detail {

nlohmann::ordered_json measured_layer_json(const MeasuredLayerTables& m) {
  using Json = nlohmann::ordered_json;
  // The null group's key is JSON null, apart from the empty text "".
  auto key = [](const std::string& text, bool null_key) { return null_key ? Json(nullptr) : Json(text); };
  Json j = {{"source", m.source}, {"layer", m.layer},         {"crs", m.crs},          {"method", m.method},
            {"unit", m.unit},     {"total", m.in_unit(m.total)}, {"features", m.features}};
  if (!m.group_field.empty()) {
    j["group_field"] = m.group_field;
    Json groups = Json::array();
    for (const auto& g : m.groups) {
      groups.push_back({{"key", key(g.key, g.null_key)}, {"features", g.features}, {m.figure_key, m.in_unit(g.value)}});
    }
    j["groups"] = std::move(groups);
  }
  if (m.list_features) {
    Json listing = Json::array();
    for (const auto& f : m.items) {
      Json e = {{"fid", f.fid}, {"id", f.id}, {m.figure_key, m.in_unit(f.value)}};
      if (!m.group_field.empty()) e["group"] = key(f.group, f.group_missing);
      listing.push_back(std::move(e));
    }
    j[m.listing_key] = std::move(listing);
  }
  return j;
}

std::string render_measured_layer(const MeasuredLayerTables& m, OutputFormat format, bool bom) {
  const bool grouped = !m.group_field.empty();
  auto percent = [&m](double v) { return m.total > 0 ? format_number(100.0 * v / m.total, 2) : "-"; };
  auto share = [&m](double v) { return m.total > 0 ? std::optional<double>(100.0 * v / m.total) : std::nullopt; };

  Table summary;
  summary.title = fmt::format("{} — layer {}", m.source, m.layer);
  summary.column("item").column("value");
  for (const auto& [item, value] : m.summary_rows) summary.add_row({item, value});
  summary.notes = m.summary_notes;

  Table groups;
  if (grouped) {
    groups.title = "by " + m.group_field;
    groups.column(m.group_field).column("features", true).column(m.figure_column, true).column("%", true);
    for (const auto& g : m.groups) {
      groups.add_row({group_label(g.key, g.null_key), std::to_string(g.features), m.format(g.value), percent(g.value)},
                     {std::nullopt, static_cast<double>(g.features), m.in_unit(g.value), share(g.value)});
      if (g.null_key) {
        groups.notes.push_back(fmt::format("(null): {} feature(s) without a {} value (null or NaN), kept apart "
                                           "from empty text",
                                           g.features, m.group_field));
      }
    }
    groups.add_row({"total", std::to_string(m.features), m.format(m.total), percent(m.total)},
                   {std::nullopt, static_cast<double>(m.features), m.in_unit(m.total), share(m.total)});
  }

  Table features;
  if (m.list_features) {
    features.title = "features";
    features.column("fid", true).column("id");
    if (grouped) features.column(m.group_field);
    features.column(m.figure_column, true);
    for (const auto& f : m.items) {
      std::vector<std::string> row = {std::to_string(f.fid), f.id};
      if (grouped) row.push_back(f.group_missing ? "(null)" : f.group);
      row.push_back(m.format(f.value));
      std::vector<std::optional<double>> exact(row.size(), std::nullopt);
      exact.back() = m.in_unit(f.value);
      features.add_row(std::move(row), std::move(exact));
    }
  }

  if (format == OutputFormat::Csv) {
    if (m.list_features) return render_tables({features}, format, bom);
    if (grouped) return render_tables({groups}, format, bom);
    Table t;
    t.column("source").column("layer").column("features", true).column(m.figure_column, true);
    t.add_row({m.source, m.layer, std::to_string(m.features), m.format(m.total)});
    return render_tables({t}, format, bom);
  }
  std::vector<Table> tables{summary};
  if (grouped) tables.push_back(groups);
  if (m.list_features) tables.push_back(features);
  if (format == OutputFormat::Xlsx) tables.push_back(inputs_table({{"", m.source, m.layer, m.crs}}));
  return render_tables(tables, format, bom);
}

}  // namespace redline::detail
