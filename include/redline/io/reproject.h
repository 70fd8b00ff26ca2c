#pragma once
// Bringing a layer into another CRS, so that two layers can be overlaid. A Layer is an io
// concept, so this lives on the io floor, above the coordinate transformation it uses
// (redline/crs/transform.h).

#include "redline/crs/crs.h"
#include "redline/export.h"
#include "redline/io/layer.h"
#include "redline/progress.h"  // kDefaultThreads

namespace redline {

/// Transforms every geometry of `layer` (and repaired originals) into `target`, in place, on
/// `threads` threads (DEFAULT: kDefaultThreads, all cores). Nothing happens when the layer is already in
/// `target`. Throws UsageError when PROJ has no transformation, InputError naming the feature
/// when a vertex cannot be transformed; the layer is then partly transformed and should be
/// dropped.
REDLINE_EXPORT void reproject_layer(Layer& layer, const Crs& target, unsigned threads = kDefaultThreads);

}  // namespace redline
