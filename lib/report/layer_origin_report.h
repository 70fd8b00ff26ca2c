#pragma once
// Private: how every report describes one input layer (a LayerOrigin): its JSON, its title
// text and its read-report notes, written the same way for every tool.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "redline/io/layer_origin.h"
#include "redline/measure/units.h"

namespace redline::detail {

/// Returns {"source": ..., "layer": ...}.
nlohmann::ordered_json origin_json(const LayerOrigin& origin);

/// Returns the input's read report (read_report_json()) with "repair_delta": the area change
/// from repairing its invalid polygons, `repair_delta_m2` in `unit`.
nlohmann::ordered_json origin_read_json(const LayerOrigin& origin, double repair_delta_m2, AreaUnit unit);

/// read_report_lines() for a layer read as `geometry`: a line layer's zeros are lengths.
std::vector<std::string> read_report_lines(const ReadReport& report, double repair_delta_m2, AreaUnit unit,
                                           LayerGeometry geometry);

/// Returns "SOURCE (layer LAYER)", as report titles name an input.
std::string origin_title(const LayerOrigin& origin);

/// Appends the input's read-report lines (read_report_lines()), each after `prefix`
/// ("target: ", "BEFORE: " ...), to `lines`.
void append_read_lines(std::vector<std::string>& lines, const std::string& prefix, const LayerOrigin& origin,
                       double repair_delta_m2, AreaUnit unit);

}  // namespace redline::detail
