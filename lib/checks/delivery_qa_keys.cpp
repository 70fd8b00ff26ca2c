// Delivery QA, keys: a key field (BSM) must name every feature once.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "checks/delivery_qa_parts.h"
#include "redline/geom/ops.h"
#include "util/quoted.h"

namespace redline::detail {
namespace {

bool is_blank(const Value& value) {
  if (is_missing(value)) return true;
  const auto* text = std::get_if<std::string>(&value);
  return text && text->find_first_not_of(" \t\r\n") == std::string::npos;
}

void locate(QaFinding& f, GeometryView geometry) {
  if (const auto centre = box_centre(geometry)) {
    f.x = centre->first;
    f.y = centre->second;
  }
}

}  // namespace

void find_key_problems(const Layer& layer, const QaOptions& options, std::size_t key_field,
                       std::vector<QaFinding>& duplicates, std::vector<QaFinding>& empties) {
  const std::string& name = layer.fields[key_field].name;
  std::map<std::string, std::vector<std::size_t>> holders;  // key text -> features, in order
  for (std::size_t i = 0; i < layer.features.size(); ++i) {
    const Feature& feature = layer.features[i];
    const Value& value = feature.values[key_field];
    if (is_blank(value)) {
      QaFinding f;
      f.kind = QaFindingKind::EmptyKey;
      f.features.push_back(qa_feature(layer, i, key_field));
      f.detail = is_missing(value) ? fmt::format("{} is NULL", name)
                                   : fmt::format("{} is blank ({})", name, quoted(to_string(value)));
      locate(f, feature.geometry);
      if (options.keep_geometries) f.geometry = feature.geometry.clone();
      empties.push_back(std::move(f));
      continue;
    }
    holders[to_string(value)].push_back(i);
  }
  // In the order of each value's first feature, as a reader scans the layer.
  std::vector<const std::vector<std::size_t>*> shared;
  for (const auto& entry : holders) {
    if (entry.second.size() > 1) shared.push_back(&entry.second);
  }
  std::sort(shared.begin(), shared.end(), [](const auto* a, const auto* b) { return a->front() < b->front(); });
  for (const std::vector<std::size_t>* features : shared) {
    QaFinding f;
    f.kind = QaFindingKind::DuplicateKey;
    for (std::size_t i : *features) f.features.push_back(qa_feature(layer, i, key_field));
    const Feature& first = layer.features[features->front()];
    f.detail = fmt::format("{} {} is held by {} features", name, quoted(f.features.front().key), features->size());
    locate(f, first.geometry);
    if (options.keep_geometries) {
      // One geometry for the finding: the area its features cover together.
      std::vector<GeometryView> parts;
      for (std::size_t i : *features) parts.push_back(layer.features[i].geometry);
      f.geometry = union_all(parts, layer.crs.is_geographic() ? kDefaultGridSizeGeographic : kDefaultGridSizeProjected);
    }
    duplicates.push_back(std::move(f));
  }
}

}  // namespace redline::detail
