#pragma once
// Private: the tables of a layer measured per feature, per group and in total — what the area
// and the length reports print (text, CSV, Markdown), written once for both. The caller gives
// the figures and how to print one; the layout, the null group's note, the percent column and
// which table CSV holds are decided here.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "redline/report/table.h"

namespace redline::detail {

struct MeasuredLayerTables {
  std::string source, layer, crs, method, unit;  ///< unit: its name as JSON gives it ("ha", "km")
  /// Rows of the summary table after its title (CRS, method, features, totals...).
  std::vector<std::pair<std::string, std::string>> summary_rows;
  std::vector<std::string> summary_notes;
  std::string figure_column;  ///< "area (ha)", "length (km)"
  std::function<std::string(double)> format;  ///< prints a figure as its column shows it
  std::function<double(double)> in_unit;      ///< a figure in the unit, for JSON
  std::string figure_key, listing_key;        ///< JSON: "area", "feature_areas"
  double total = 0.0;
  std::size_t features = 0;

  struct Group {
    std::string key;
    bool null_key = false;
    std::size_t features = 0;
    double value = 0.0;
  };
  std::string group_field;  ///< "" without groups
  std::vector<Group> groups;

  struct Item {
    std::int64_t fid = 0;
    std::string id, group;
    bool group_missing = false;
    double value = 0.0;
  };
  bool list_features = false;
  std::vector<Item> items;
};

/// Returns the tables of `summary` (an AreaSummary or a LengthSummary: origin, crs, group_field,
/// groups, features) with `method`, `unit` and its figures read through the members `group_figure`
/// and `feature_figure`; the caller adds how a figure prints, its column and the summary rows.
template <typename Summary, typename GroupT, typename FeatureT>
MeasuredLayerTables measured_layer(const Summary& summary, std::string method, std::string unit, double total,
                                   double GroupT::*group_figure, double FeatureT::*feature_figure,
                                   bool list_features) {
  MeasuredLayerTables t;
  t.source = summary.origin.source;
  t.layer = summary.origin.layer;
  t.crs = summary.crs.label();
  t.method = std::move(method);
  t.unit = std::move(unit);
  t.total = total;
  // A summary made by hand may fill only its rows; one made without rows, only its count.
  t.features = std::max(summary.feature_count, summary.features.size());
  t.summary_rows = {{"CRS", t.crs}, {"method", t.method}, {"features", std::to_string(t.features)}};
  t.group_field = summary.group_field;
  for (const GroupT& g : summary.groups) t.groups.push_back({g.key, g.null_key, g.features, g.*group_figure});
  t.list_features = list_features;
  for (const FeatureT& f : summary.features) {
    t.items.push_back({f.fid, f.id, f.group, f.group_missing, f.*feature_figure});
  }
  return t;
}

/// Returns {"source", "layer", "crs", "method", "unit", "total", "features", "group_field",
/// "groups": [{"key", "features", FIGURE}], LISTING: [{"fid", "id", FIGURE, "group"}]} (groups
/// with a group field, the listing when features are listed), figures unrounded in the unit.
nlohmann::ordered_json measured_layer_json(const MeasuredLayerTables& t);

/// Returns the tables in `format` (CSV: the features when listed, else the groups, else the
/// total).
std::string render_measured_layer(const MeasuredLayerTables& t, OutputFormat format, bool bom);

}  // namespace redline::detail
