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

/// Per-feature figures gathered batch by batch (a layer whole is one batch): features in layer
/// order (kept only when asked: they are what grows with the layer), groups by key with the null
/// group (null or NaN values) last, the total and each group's sum accumulated in feature order.
/// FeatureT has fid, id, group, group_missing and the figure member `feature_figure`; GroupT has
/// key, null_key, features and the figure member `group_figure`.
template <typename FeatureT, typename GroupT>
class FigureTally {
 public:
  FigureTally(const FieldIndexes& fields, double FeatureT::*feature_figure, double GroupT::*group_figure,
              bool keep_features)
      : fields_(fields), feature_figure_(feature_figure), group_figure_(group_figure), keep_(keep_features) {}

  /// Adds `figures[i]` of `features[i]`, in order.
  void add(const std::vector<Feature>& features, const std::vector<double>& figures) {
    if (keep_) features_.reserve(features_.size() + features.size());
    for (std::size_t i = 0; i < features.size(); ++i) {
      ++count_;
      total_ += figures[i];
      if (!keep_ && !fields_.group) continue;
      FeatureT out;
      fields_.identify(features[i], out);
      out.*feature_figure_ = figures[i];
      if (fields_.group) {
        GroupT& g = by_key_[{out.group_missing, out.group}];
        g.key = out.group;
        g.null_key = out.group_missing;
        ++g.features;
        g.*group_figure_ += figures[i];
      }
      if (keep_) features_.push_back(std::move(out));
    }
  }

  double total() const { return total_; }
  std::size_t count() const { return count_; }

  /// Moves the features (when kept) and the groups, sorted, out.
  void finish(std::vector<FeatureT>& features, std::vector<GroupT>& groups) {
    features = std::move(features_);
    for (auto& entry : by_key_) groups.push_back(std::move(entry.second));
    by_key_.clear();
  }

 private:
  const FieldIndexes& fields_;
  double FeatureT::*feature_figure_;
  double GroupT::*group_figure_;
  bool keep_;
  std::map<std::pair<bool, std::string>, GroupT> by_key_;  // (missing, text): null group last
  std::vector<FeatureT> features_;
  double total_ = 0.0;
  std::size_t count_ = 0;
};

}  // namespace redline::detail
