#pragma once
// The map of a check: where a failing check fails, drawn from the geometry it kept
// (CheckRunOptions::keep_geometries, CheckResult::geometries), for `redline check --map` and
// the HTML report.
//
// What each kind's map highlights, and what it draws for context (bottom first):
//  - not-reduced: the checked layer (pale green), the area gained since the previous version
//    (blue), the area lost (red: what fails it), labelled by feature; without a previous
//    version, the layer alone;
//  - nature-unchanged, function-not-lowered: the layer, the reclassified pieces (amber,
//    labelled "from → to"); for function-not-lowered the raised ones are outlined only, the
//    lowered and unranked ones (what fails it) filled;
//  - min-share: the other layer (pale green), the inside parts (green), the outside parts
//    (red: what keeps the share low), labelled by feature;
//  - share-of-zones: the features in a zone counted (green), the others (red), labelled by zone;
//  - no-overlap: the overlaps (red, "first × second"); max-inside: the parts inside (orange);
//    no-gaps: the gaps (purple) — the conflict pieces alone.
// The colours are those of the drift and coverage maps (redline/report/map_builders.h): red is
// what fails, blue gained, amber reclassified. The title is the check's name and its verdict;
// the subtitle the layer and the figure against the threshold ("27.12 % (≥ 27.87 %)").
//
// `redline check --map maps.png` writes one map per failing check, numbered by the check's
// place in the report (1-based): maps-3.png, maps-5.png ... (check_map_path()).
//
// Example usage:
//   redline::CheckRunOptions options;
//   options.keep_geometries = true;
//   auto results = redline::run_checks(specs, options);
//   std::vector<std::string> written = redline::write_check_maps(results, "maps.png", {"huichang.gpkg"});
#include <optional>
#include <string>
#include <vector>

#include "redline/checks/check.h"
#include "redline/export.h"
#include "redline/report/map.h"

namespace redline {

/// Returns the map of `r` as described above, or nullopt when it kept no geometry (run without
/// keep_geometries) or its lists are all empty. Thread-safe.
REDLINE_EXPORT std::optional<MapSpec> map_of_check(const CheckResult& r);

/// Returns one SVG per result for HtmlReport::maps (redline/report/html_report.h): the map of
/// each failed check that has one, "" for the others. Throws InternalError when drawing fails.
REDLINE_EXPORT std::vector<std::string> check_maps_svg(const std::vector<CheckResult>& results);

/// Returns the name of check `number`'s map (1-based) for the maps named `path`: the number
/// after a hyphen before the extension, in the same folder ("out/maps.png", 3 →
/// "out/maps-3.png").
REDLINE_EXPORT std::string check_map_path(const std::string& path, std::size_t number);

/// Checks, before any work, that the maps of `checks` checks can be written under the names
/// check_map_path(path, 1 ... checks): check_map_target() for each, against `inputs` (and any
/// other file of the run that a map must not replace). Throws as check_map_target().
REDLINE_EXPORT void check_check_map_targets(const std::string& path, std::size_t checks,
                                            const std::vector<std::string>& inputs);

/// Draws the map of every failed result that has one (map_of_check()) to
/// check_map_path(path, i + 1), each written safely by render_map() (a temporary renamed last),
/// and returns the paths written, in order; none when every check passed. When a map cannot be
/// written, the maps this call already wrote are removed and the error is rethrown: no partial
/// set is left. Throws as render_map().
REDLINE_EXPORT std::vector<std::string> write_check_maps(const std::vector<CheckResult>& results,
                                                         const std::string& path,
                                                         const std::vector<std::string>& inputs);

}  // namespace redline
