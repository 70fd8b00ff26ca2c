#include "checks/layer_source.h"

#include <algorithm>

namespace redline::detail {

const Layer& LayerSource::get(const LayerRef& ref) {
  auto key = std::make_pair(ref.path, ref.layer);
  auto it = layers_.find(key);
  if (it != layers_.end()) return *it->second;
  ReadOptions o;
  o.layer = ref.layer;
  o.assume_crs = options_.assume_crs;
  o.encoding = options_.encoding;
  o.invalid = options_.invalid;
  o.trust_crs = options_.trust_crs;
  o.repair_tolerance_percent = options_.repair_tolerance_percent;
  o.warn = options_.warn;
  o.threads = options_.threads;
  o.progress = options_.progress;
  auto layer = std::make_shared<Layer>(read_layer(ref.path, o));
  return *layers_.emplace(key, std::move(layer)).first->second;
}

std::shared_ptr<const Layer> LayerSource::filtered(const LayerRef& ref,
                                                   const std::map<std::string, std::vector<std::string>>& where) {
  const Layer& layer = get(ref);
  // Not a copy when nothing is filtered: the cache outlives every check of the run.
  if (where.empty()) return std::shared_ptr<const Layer>(std::shared_ptr<const Layer>{}, &layer);
  std::vector<std::pair<std::size_t, const std::vector<std::string>*>> tests;
  for (const auto& [field, values] : where) tests.emplace_back(layer.field_index(field), &values);
  auto out = std::make_shared<Layer>();
  out->source = layer.source;
  out->name = layer.name;
  out->driver = layer.driver;
  out->crs = layer.crs;
  out->fields = layer.fields;
  out->report = layer.report;
  for (const Feature& f : layer.features) {
    const bool keep = std::all_of(tests.begin(), tests.end(), [&](const auto& t) {
      const std::string v = to_string(f.values[t.first]);
      return std::find(t.second->begin(), t.second->end(), v) != t.second->end();
    });
    if (keep) out->features.push_back(Feature{f.fid, f.geometry.clone(), f.values, f.original.clone()});
  }
  return out;
}

}  // namespace redline::detail
