// read_layer(): a LayerStream collected whole, so that every tool reads with GDAL on one thread
// while the geometry work runs on the others (io/layer_stream_impl.h).
#include "io/layer_stream_impl.h"
#include "redline/io/layer.h"

namespace redline {

// Batches large enough that handing them over costs nothing next to their geometry work.
namespace {
constexpr std::size_t kReadLayerBatchSize = 8192;
}  // namespace

Layer read_layer(const std::string& path, const ReadOptions& options) {
  detail::OpenedLayer opened = detail::open_layer(path, options.layer, options.encoding);
  return detail::read_opened_layer(opened, path, options, /*require_crs=*/true);
}

namespace detail {

Layer read_opened_layer(OpenedLayer& opened, const std::string& path, const ReadOptions& options,
                        bool require_crs) {
  LayerStream::Impl stream(opened, path, options, kReadLayerBatchSize, require_crs);
  std::vector<Feature> features;
  const GIntBig announced = opened.layer->GetFeatureCount(FALSE);
  if (announced > 0) features.reserve(static_cast<std::size_t>(announced));
  while (auto batch = stream.next()) {
    for (Feature& f : batch->features) features.push_back(std::move(f));
  }
  Layer layer = std::move(stream.layer);
  layer.features = std::move(features);
  return layer;
}

}  // namespace detail
}  // namespace redline
