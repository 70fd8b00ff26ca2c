#include "checks/layer_source.h"

#include <algorithm>
#include <filesystem>

namespace redline::detail {

namespace {

using Where = std::map<std::string, std::vector<std::string>>;

// The features `where` keeps: every field's value is one of its values.
class WhereTest {
 public:
  WhereTest(const Layer& layer, const Where& where) {
    for (const auto& [field, values] : where) tests_.emplace_back(layer.field_index(field), &values);
  }
  bool keeps(const Feature& f) const {
    return std::all_of(tests_.begin(), tests_.end(), [&](const auto& t) {
      const std::string v = to_string(f.values[t.first]);
      return std::find(t.second->begin(), t.second->end(), v) != t.second->end();
    });
  }

 private:
  std::vector<std::pair<std::size_t, const std::vector<std::string>*>> tests_;
};

}  // namespace

const Layer& LayerSource::get(const LayerRef& ref, LayerGeometry geometry) {
  auto key = std::make_tuple(ref.path, ref.layer, geometry);
  auto it = layers_.find(key);
  if (it != layers_.end()) return *it->second;
  ReadOptions o = read_;
  o.layer = ref.layer;
  o.geometry = geometry;
  auto layer = std::make_shared<Layer>(read_layer(ref.path, o));
  return *layers_.emplace(key, std::move(layer)).first->second;
}

std::shared_ptr<const Layer> LayerSource::filtered(const LayerRef& ref, const Where& where, LayerGeometry geometry) {
  const Layer& layer = get(ref, geometry);
  // Not a copy when nothing is filtered: the cache outlives every check of the run.
  if (where.empty()) return std::shared_ptr<const Layer>(std::shared_ptr<const Layer>{}, &layer);
  const WhereTest test(layer, where);
  auto out = std::make_shared<Layer>();
  out->source = layer.source;
  out->name = layer.name;
  out->driver = layer.driver;
  out->geometry = layer.geometry;
  out->crs = layer.crs;
  out->fields = layer.fields;
  out->report = layer.report;
  for (const Feature& f : layer.features) {
    if (test.keeps(f)) out->features.push_back(Feature{f.fid, f.geometry.clone(), f.values, f.original.clone()});
  }
  return out;
}

std::size_t LayerSource::count_matching(const LayerRef& ref, const Where& where, LayerGeometry geometry) {
  const Layer& layer = get(ref, geometry);
  if (where.empty()) return layer.features.size();
  const WhereTest test(layer, where);
  return static_cast<std::size_t>(
      std::count_if(layer.features.begin(), layer.features.end(), [&](const Feature& f) { return test.keeps(f); }));
}

bool LayerSource::same_layer(const LayerRef& a, const LayerRef& b, LayerGeometry a_geometry) {
  std::error_code ec;
  const bool same_file = std::filesystem::equivalent(a.path, b.path, ec);
  if (ec || !same_file) return false;
  return get(a, a_geometry).name == get(b).name;
}

}  // namespace redline::detail
