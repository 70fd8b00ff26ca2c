#pragma once
// Private: a layer's per-feature figures gathered per feature and per group of an attribute,
// the same way for areas (area_summary.h) and lengths (length_summary.h): features in layer
// order, groups sorted by key with the null group (null or NaN values) last, sums accumulated
// in feature order so the result does not depend on the thread count that measured them.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "redline/io/layer.h"

namespace redline::detail {

/// The indexes of the grouping and the naming attribute in `layer` (nullopt for ""). Throws
/// UsageError listing the layer's fields for an unknown one.
struct FieldIndexes {
  std::optional<std::size_t> group, id;
  FieldIndexes(const Layer& layer, const std::string& group_field, const std::string& id_field) {
    if (!group_field.empty()) group = layer.field_index(group_field);
    if (!id_field.empty()) id = layer.field_index(id_field);
  }

  /// Sets out.fid, out.id (the id attribute, else the FID) and out.group, out.group_missing
  /// from feature `f`.
  template <typename Out>
  void identify(const Feature& f, Out& out) const {
    out.fid = f.fid;
    out.id = id ? to_string(f.values[*id]) : std::to_string(f.fid);
    if (group) {
      out.group_missing = is_missing(f.values[*group]);
      if (!out.group_missing) out.group = to_string(f.values[*group]);
    }
  }
};

/// Fills `features` and `groups` from `figures` (one per feature of `layer`) and returns the
/// total. FeatureT has fid, id, group, group_missing and the figure member `feature_figure`;
/// GroupT has key, null_key, features and the figure member `group_figure`.
template <typename FeatureT, typename GroupT>
double gather_by_group(const Layer& layer, const FieldIndexes& fields, const std::vector<double>& figures,
                       double FeatureT::*feature_figure, double GroupT::*group_figure,
                       std::vector<FeatureT>& features, std::vector<GroupT>& groups) {
  std::map<std::pair<bool, std::string>, GroupT> by_key;  // (missing, text): null group last
  double total = 0.0;
  features.reserve(layer.features.size());
  for (std::size_t i = 0; i < layer.features.size(); ++i) {
    FeatureT out;
    fields.identify(layer.features[i], out);
    out.*feature_figure = figures[i];
    total += figures[i];
    if (fields.group) {
      GroupT& g = by_key[{out.group_missing, out.group}];
      g.key = out.group;
      g.null_key = out.group_missing;
      ++g.features;
      g.*group_figure += figures[i];
    }
    features.push_back(std::move(out));
  }
  for (auto& entry : by_key) groups.push_back(std::move(entry.second));
  return total;
}

}  // namespace redline::detail
