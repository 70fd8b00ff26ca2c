#include "redline/crs/reproject.h"

#include <optional>

#include "redline/crs/transform.h"
#include "util/parallel.h"

namespace redline {

void reproject_layer(Layer& layer, const Crs& target, unsigned threads) {
  if (layer.crs.equivalent_to(target)) return;
  constexpr std::size_t kChunk = 256;
  const std::size_t n = layer.features.size();
  CoordinateTransform check(layer.crs, target);  // fails early, on this thread, if impossible
  // One transformation per worker: PROJ objects are bound to a thread.
  std::vector<std::optional<CoordinateTransform>> transforms(detail::worker_count(n, threads, kChunk));
  detail::parallel_for_workers(n, threads, [&](std::size_t i, unsigned worker) {
    auto& t = transforms[worker];
    if (!t) t.emplace(layer.crs, target);
    Feature& f = layer.features[i];
    try {
      f.geometry = t->apply(f.geometry);
      if (!f.original.is_null()) f.original = t->apply(f.original);
    } catch (const Error& e) {
      rethrow_with_location(e, layer.where(f.fid), e.reason() + " while transforming to " + target.label());
    }
  }, kChunk);
  layer.crs = target;
}

}  // namespace redline
