#pragma once
// Private: the tables of a layer measured per feature, per group and in total — what the area
// and the length reports print (text, CSV, Markdown), written once for both. The caller gives
// the figures and how to print one; the layout, the null group's note, the percent column and
// which table CSV holds are decided here.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "redline/report/table.h"

namespace redline::detail {

struct MeasuredLayerTables {
  std::string source, layer;
  /// Rows of the summary table after its title (CRS, method, features, totals...).
  std::vector<std::pair<std::string, std::string>> summary_rows;
  std::vector<std::string> summary_notes;
  std::string figure_column;  ///< "area (ha)", "length (km)"
  std::function<std::string(double)> format;  ///< prints a figure as its column shows it
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

/// Returns the tables in `format` (CSV: the features when listed, else the groups, else the
/// total).
std::string render_measured_layer(const MeasuredLayerTables& t, OutputFormat format, bool bom);

}  // namespace redline::detail
