#include "drift/feature_changes.h"

#include <utility>

#include "util/enum_names.h"

namespace redline {

namespace {

constexpr detail::EnumNames<FeatureChange, 6> kFeatureChangeNames{"feature change", {{
    {FeatureChange::Unchanged, "unchanged"},
    {FeatureChange::Added, "added"},
    {FeatureChange::Removed, "removed"},
    {FeatureChange::Geometry, "geometry"},
    {FeatureChange::Attributes, "attributes"},
    {FeatureChange::Both, "both"}}}};

}  // namespace

std::string to_string(FeatureChange change) { return kFeatureChangeNames.name(change); }

namespace detail {

std::vector<std::string> changed_fields(const Layer& before, const Layer& after, std::size_t bi, std::size_t aj,
                                        const std::string& key_field) {
  std::vector<std::string> out;
  for (std::size_t fb = 0; fb < before.fields.size(); ++fb) {
    const std::string& name = before.fields[fb].name;
    if (name == key_field) continue;
    for (std::size_t fa = 0; fa < after.fields.size(); ++fa) {
      if (after.fields[fa].name != name) continue;
      // A value that became null (or the reverse) changed, even where its text is "" both times.
      const Value& vb = before.features[bi].values[fb];
      const Value& va = after.features[aj].values[fa];
      if (is_missing(vb) != is_missing(va) || to_string(vb) != to_string(va)) out.push_back(name);
      break;
    }
  }
  return out;
}

void list_feature_changes(DriftResult& r, const LayerVersion& b, const LayerVersion& a, const DriftEngine& engine,
                          bool keyed, const std::string& key_field) {
  const std::vector<FeatureOutcome>& before_out = engine.before_outcomes();
  const std::vector<FeatureOutcome>& after_out = engine.after_outcomes();
  auto feature_entry = [&](std::size_t bi, std::size_t aj) {
    FeatureDrift f;
    if (bi != kUnmatched) {
      f.before_fid = b.layer->features[bi].fid;
      f.before_m2 = b.m2[bi];
      f.key = b.key[bi];
      f.lost_m2 = before_out[bi].pair_real;
    }
    if (aj != kUnmatched) {
      f.after_fid = a.layer->features[aj].fid;
      f.after_m2 = a.m2[aj];
      if (bi == kUnmatched) f.key = a.key[aj];
      f.gained_m2 = after_out[aj].pair_real;
    }
    return f;
  };
  for (std::size_t i = 0; i < b.size(); ++i) {
    const std::size_t j = b.partner[i];
    if (j == kUnmatched) {
      if (!keyed && before_out[i].touched) {
        FeatureDrift f = feature_entry(i, kUnmatched);
        f.change = FeatureChange::Geometry;
        f.lost_m2 = before_out[i].real;
        r.changes.push_back(std::move(f));
        continue;
      }
      ++r.features.removed;
      FeatureDrift f = feature_entry(i, kUnmatched);
      f.change = FeatureChange::Removed;
      f.lost_m2 = b.m2[i];
      r.changes.push_back(std::move(f));
      continue;
    }
    ++r.features.matched;
    FeatureDrift f = feature_entry(i, j);
    const bool geometry = !b.by_edges[i] && (f.gained_m2 > 0 || f.lost_m2 > 0);
    f.changed_fields = changed_fields(*b.layer, *a.layer, i, j, key_field);
    const bool attributes = !f.changed_fields.empty();
    if (!geometry && !attributes) continue;
    f.change = geometry && attributes ? FeatureChange::Both
                                      : (geometry ? FeatureChange::Geometry : FeatureChange::Attributes);
    ++r.features.modified;
    if (geometry && attributes) ++r.features.modified_both;
    else if (geometry) ++r.features.modified_geometry;
    else ++r.features.modified_attributes;
    r.changes.push_back(std::move(f));
  }
  for (std::size_t j = 0; j < a.size(); ++j) {
    if (a.partner[j] != kUnmatched) continue;
    FeatureDrift f = feature_entry(kUnmatched, j);
    if (!keyed && after_out[j].touched) {
      ++r.features.modified;
      ++r.features.modified_geometry;
      f.change = FeatureChange::Geometry;
      f.gained_m2 = after_out[j].real;
    } else {
      ++r.features.added;
      f.change = FeatureChange::Added;
      f.gained_m2 = a.m2[j];
    }
    r.changes.push_back(std::move(f));
  }
}

}  // namespace detail
}  // namespace redline
