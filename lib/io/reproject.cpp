#include "redline/io/reproject.h"

#include "redline/crs/transform.h"
#include "util/parallel.h"

namespace redline {

void reproject_layer(Layer& layer, const Crs& target, unsigned threads) {
  if (layer.crs.equivalent_to(target)) return;
  constexpr std::size_t kChunk = 256;
  const std::size_t n = layer.features.size();
  CoordinateTransform check(layer.crs, target);  // fails early, on this thread, if impossible
  // One transformation per worker: a transform serves one thread at a time.
  auto make_transform = [&] { return CoordinateTransform(layer.crs, target); };
  detail::parallel_for_with_state(n, threads, make_transform,
                                  [&](std::size_t i, CoordinateTransform& t, unsigned) {
    Feature& f = layer.features[i];
    try {
      f.geometry = t.apply(f.geometry);
      if (!f.original.is_null()) f.original = t.apply(f.original);
    } catch (const Error& e) {
      rethrow_with_location(e, layer.where(f.fid), e.reason() + " while transforming to " + target.label());
    }
  }, kChunk);
  layer.crs = target;
}

}  // namespace redline
