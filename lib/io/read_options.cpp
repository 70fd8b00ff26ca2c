// ReadOptions: the invalid-polygon policy's names and the check of the options as a whole.
#include <cmath>

#include <fmt/format.h>

#include "redline/io/layer.h"
#include "util/enum_names.h"

namespace redline {

namespace {

constexpr detail::EnumNames<InvalidPolicy, 4> kInvalidPolicyNames{
    "invalid-polygon policy",
    {{{InvalidPolicy::Repair, "repair"}, {InvalidPolicy::RepairStrict, "repair-strict"},
      {InvalidPolicy::Skip, "skip"}, {InvalidPolicy::Fail, "fail"}}}};

constexpr detail::EnumNames<LayerGeometry, 3> kLayerGeometryNames{
    "layer geometry",
    {{{LayerGeometry::Polygons, "polygons"}, {LayerGeometry::Lines, "lines"}, {LayerGeometry::Any, "any"}}}};

}  // namespace

std::string layer_geometry_name(LayerGeometry geometry) { return kLayerGeometryNames.name(geometry); }

InvalidPolicy parse_invalid_policy(const std::string& text) { return kInvalidPolicyNames.parse(text); }

std::string invalid_policy_name(InvalidPolicy policy) { return kInvalidPolicyNames.name(policy); }

std::vector<std::string> invalid_policy_names() { return kInvalidPolicyNames.names(); }

void check_read_options(const ReadOptions& options) {
  if (!(options.repair_tolerance_percent >= 0) || !std::isfinite(options.repair_tolerance_percent)) {
    throw UsageError(fmt::format("the repair tolerance must be a finite percentage of 0 or more, "
                                 "not {}",
                                 options.repair_tolerance_percent));
  }
}

}  // namespace redline
