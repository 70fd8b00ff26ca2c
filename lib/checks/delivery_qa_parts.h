#pragma once
// Private: the checks of delivery QA (redline/checks/delivery_qa.h), one concept per file.
// Each appends its findings, in feature order, to `out`.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "redline/checks/delivery_qa.h"

namespace redline::detail {

/// Names feature `index` of `layer` for a finding: its FID and, with `key_field` >= 0, its key
/// value as text ("" for NULL).
QaFeature qa_feature(const Layer& layer, std::size_t index, std::optional<std::size_t> key_field);

/// Returns how findings name a feature in words: "BSM 12" (or "FID 7" without a key, or with an
/// empty one).
std::string qa_feature_words(const QaFeature& feature, const std::string& key_field);

/// Returns the centre of `geometry`'s bounding box; nothing for a null or empty geometry.
std::optional<std::pair<double, double>> box_centre(GeometryView geometry);

/// invalid: every feature reading found fault with (ReadReport::issues: invalid polygons, null
/// and empty geometries, features that are no polygon).
void find_invalid_geometries(const Layer& layer, const QaOptions& options, std::optional<std::size_t> key_field,
                             std::vector<QaFinding>& out);

/// overlaps: pairs of features of `layer` overlapping each other (redline/overlay/overlaps.h,
/// pieces thinner than options.noise_width_metres left out and counted in `noise`); `area_m2`
/// receives the area of their union.
void find_self_overlaps(const Layer& layer, const QaOptions& options, std::optional<std::size_t> key_field,
                        std::vector<QaFinding>& out, double& area_m2, std::size_t& noise);

/// gaps: the parts of `within` no feature of `layer` covers (redline/overlay/gaps.h; parts
/// thinner than options.noise_width_metres left out and counted in `noise`).
void find_boundary_gaps(const Layer& layer, const Layer& within, const QaOptions& options,
                        std::vector<QaFinding>& out, double& area_m2, std::size_t& noise);

/// slivers: features and parts in which no disk of options.sliver_width_metres fits. Adds the
/// sliver parts' area to `sliver_area_m2`.
void find_sliver_polygons(const Layer& layer, const QaOptions& options, std::optional<std::size_t> key_field,
                          std::vector<QaFinding>& out, double& sliver_area_m2);

/// spikes: vertices sharper than options.spike_angle_degrees.
void find_spikes(const Layer& layer, const QaOptions& options, std::optional<std::size_t> key_field,
                 std::vector<QaFinding>& out);

/// duplicate-keys and empty-keys on field `key_field`.
void find_key_problems(const Layer& layer, const QaOptions& options, std::size_t key_field,
                       std::vector<QaFinding>& duplicates, std::vector<QaFinding>& empties);

/// area-field: values of field `area_field` off every computed area; counts the closest
/// method of each numeric value in `matches` (by AreaMethod order).
void find_area_field_problems(const Layer& layer, const QaOptions& options, std::size_t area_field,
                              std::optional<std::size_t> key_field, std::vector<QaFinding>& out,
                              std::array<std::size_t, 3>& matches);

/// One sharp vertex of a ring.
struct SharpVertex {
  std::size_t part = 0, ring = 0;  ///< as PathView numbers them
  double x = 0, y = 0;             ///< the vertex
  double prev_x = 0, prev_y = 0, next_x = 0, next_y = 0;  ///< its neighbours (repeats skipped)
  double angle_degrees = 0;        ///< between its two edges, 0-180
  bool saw_tooth = false;          ///< a neighbouring vertex is sharp too
};

/// Returns the vertices of `geometry`'s rings whose angle between the two edges is below
/// `max_degrees`, in path order. Repeated vertices are skipped (they make no angle); rings of
/// fewer than 3 distinct vertices have none. With `geographic`, x is longitude and y latitude
/// in degrees and longitude differences are scaled by cos(latitude of the vertex).
std::vector<SharpVertex> sharp_vertices(GeometryView geometry, double max_degrees, bool geographic);

}  // namespace redline::detail
