#pragma once
// Private: one function per check kind. Each fills `result` (name, layer and delivery are set
// by the caller) and `details` (CheckResult::details_json, which the caller writes from it),
// measuring with `threads` (0: all cores), and may throw what reading, measuring or an unknown
// field throws. With `keep`, the geometry behind the figure goes to result.geometries
// (CheckRunOptions::keep_geometries).
#include <nlohmann/json.hpp>

#include "checks/check_figures.h"
#include "checks/check_geometries.h"
#include "checks/layer_source.h"
#include "redline/checks/check.h"

namespace redline::detail {

using Details = nlohmann::ordered_json;

void run_not_reduced(const CheckSpec& spec, LayerSource& layers, unsigned threads, bool keep, CheckResult& result,
                     Details& details);
// nature-unchanged and function-not-lowered
void run_class_unchanged(const CheckSpec& spec, LayerSource& layers, unsigned threads, bool keep, CheckResult& result,
                         Details& details);
void run_min_share(const CheckSpec& spec, LayerSource& layers, unsigned threads, bool keep, CheckResult& result,
                   Details& details);
void run_share_of_zones(const CheckSpec& spec, LayerSource& layers, unsigned threads, bool keep, CheckResult& result,
                        Details& details);

// no-overlap, max-inside and no-gaps (lib/checks/conflict_checks.cpp)
void run_conflict_check(const CheckSpec& spec, LayerSource& layers, unsigned threads, bool keep, CheckResult& result,
                        Details& details);

}  // namespace redline::detail
