#pragma once
// Reading the layers of one job at the same time: the two versions of a drift, the target and
// the covering layer of a coverage. GDAL reads a layer on one thread; two layers read one after
// the other leave a core idle while each is read. read_layers() reads each on its own thread,
// through its own GDAL dataset, and gives exactly what read_layer() gives for each, in order.
//
//   std::vector<redline::Layer> both = redline::read_layers({{before_path, before_options},
//                                                             {after_path, after_options}});
#include <string>
#include <vector>

#include "redline/export.h"
#include "redline/io/layer.h"

namespace redline {

/// One layer to read: a source and how to read it (as read_layer() takes them).
struct LayerRequest {
  std::string path;
  ReadOptions options;
};

/// Returns read_layer(r.path, r.options) for every request, in the order given.
///
/// Threads: when the first request's ReadOptions::threads is 1, the layers are read one after
/// the other on the calling thread. Otherwise each layer after the first is read on a thread of
/// its own while the calling thread reads the first; each read uses its own ReadOptions::threads
/// workers besides. The layers, their reports and notes are the same either way.
///
/// Callbacks: only the first request's ReadOptions::progress is called (on the calling thread,
/// as read_layer() calls it); the others' progress functions are not called. The warnings of
/// every request reach its ReadOptions::warn on the calling thread, in request order: the first
/// request's as they occur, the others' after the first layer is read.
///
/// Errors: throws what read_layer() throws for the first request (in the order given) that
/// fails, unchanged (kind, message, location), as reading one after the other would: when a
/// request fails, the requests after it are stopped early and their errors, if any, dropped;
/// the requests before it are read to their end, and the first of them that fails wins. Every
/// thread started here has ended when read_layers() returns or throws.
REDLINE_EXPORT std::vector<Layer> read_layers(const std::vector<LayerRequest>& requests);

}  // namespace redline
