#pragma once
// Deliveries: one rules file checks a folder of new deliveries in one call.
//
// A path of a check (layer, previous, within) may begin with "{delivery}", replaced by each
// delivery in turn (redline check RULES.toml --deliveries DIR); checks without it run once.
// The deliveries of DIR are its subfolders and its .gpkg, .shp, .geojson and .json files, in
// name order.
//
// Example usage:
//   redline::RuleSet rules = redline::load_rules("rules.toml");
//   std::vector<redline::CheckSpec> specs =
//       redline::expand_deliveries(rules, redline::list_deliveries("incoming"));
#include <string>
#include <string_view>
#include <vector>

#include "redline/checks/check.h"
#include "redline/export.h"

namespace redline {

struct RuleSet;  // redline/checks/rules.h

/// What stands for a delivery's whole path at the start of a check's path.
constexpr std::string_view kDeliveryPlaceholder = "{delivery}";

/// Returns true when a path of `spec` (layer, previous, within) holds kDeliveryPlaceholder.
REDLINE_EXPORT bool uses_delivery(const CheckSpec& spec);

/// Returns the deliveries of `dir` (see above), as paths. Hidden files and redline's temporary
/// outputs are skipped, other special files ignored; nothing is opened. Throws InputError when
/// `dir` is not a folder, or names the entry that is a FIFO, device or socket under a data name,
/// a broken link or a link looping back to `dir` or above; UsageError when it holds no delivery.
REDLINE_EXPORT std::vector<std::string> list_deliveries(const std::string& dir);

/// Returns the checks to run: checks without {delivery} once, then for each delivery the
/// checks with it, the placeholder replaced and CheckSpec::delivery set. Throws UsageError
/// when the rules use {delivery} and `deliveries` is empty, when deliveries are given but no
/// path of the rules holds {delivery}, or when a delivery is "".
REDLINE_EXPORT std::vector<CheckSpec> expand_deliveries(const RuleSet& rules,
                                                        const std::vector<std::string>& deliveries);

}  // namespace redline
