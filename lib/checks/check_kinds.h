#pragma once
// Private: one function per check kind. Each fills `result` (name, layer and delivery are set
// by the caller) and may throw what reading, measuring or an unknown field throws.
#include "checks/layer_source.h"
#include "redline/checks/check.h"

namespace redline::detail {

void run_not_reduced(const CheckSpec& spec, LayerSource& layers, const CheckRunOptions& options, CheckResult& result);
void run_class_unchanged(const CheckSpec& spec, LayerSource& layers, const CheckRunOptions& options,
                         CheckResult& result);  // nature-unchanged and function-not-lowered
void run_min_share(const CheckSpec& spec, LayerSource& layers, const CheckRunOptions& options, CheckResult& result);
void run_share_of_zones(const CheckSpec& spec, LayerSource& layers, const CheckRunOptions& options,
                        CheckResult& result);

/// Returns true when `value` passes `comparison` against `threshold`, both rounded to
/// `decimals` first (figures are compared as printed).
bool passes(double value, const std::string& comparison, double threshold, int decimals);

/// Returns the decimals areas in `unit` are compared (and reported) with: the unit's display
/// decimals, more when one step of them exceeds 0.01 ha (万亩: 5, not 4), so that the unit a
/// rules file picks never widens the tolerance beyond what a figure in ha would allow.
int comparison_decimals(AreaUnit unit);

/// Returns the figure with its unit, as reports print it ("75587.98 ha", "27.87 %").
std::string figure(double value, const std::string& unit, int decimals);

}  // namespace redline::detail
