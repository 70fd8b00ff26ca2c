// The C API's layers: read once, read-only, then shared by any number of jobs and threads.
#include <memory>

#include "capi/boundary.h"
#include "capi/options.h"

extern "C" {

redline_layer_t* redline_layer_read(redline_context_t* ctx, const char* path, const redline_options_t* options) {
  return redline::capi::guarded(ctx, static_cast<redline_layer_t*>(nullptr), [&] {
    redline::capi::require(path, "path");
    const redline::capi::JobOptions o(options, "reading a layer",
                                      {"layer", "assume-crs", "trust-crs", "encoding", "invalid", "repair-tolerance",
                                       "threads"});
    redline::ReadOptions read = o.read_options();
    read.geometry = redline::LayerGeometry::Any;  // polygons or lines: each job says what it needs
    read.progress = redline::capi::progress_of(*ctx);
    auto layer = std::make_unique<redline_layer_t>();
    layer->layer = redline::read_layer(path, read);
    layer->path = path;
    const redline::Crs& crs = layer->layer.crs;
    layer->crs = crs.epsg() ? "EPSG:" + std::to_string(*crs.epsg()) : crs.name();
    layer->geometry = redline::layer_geometry_name(layer->layer.geometry);
    return layer.release();
  });
}

void redline_layer_destroy(redline_layer_t* layer) { delete layer; }

const char* redline_layer_name(const redline_layer_t* layer) { return layer ? layer->layer.name.c_str() : ""; }

const char* redline_layer_path(const redline_layer_t* layer) { return layer ? layer->path.c_str() : ""; }

size_t redline_layer_feature_count(const redline_layer_t* layer) { return layer ? layer->layer.features.size() : 0; }

const char* redline_layer_crs(const redline_layer_t* layer) { return layer ? layer->crs.c_str() : ""; }

const char* redline_layer_geometry(const redline_layer_t* layer) { return layer ? layer->geometry.c_str() : ""; }

}  // extern "C"
