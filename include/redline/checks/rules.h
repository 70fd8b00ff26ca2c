#pragma once
// Rules files: several checks over several layers, each with its thresholds, in TOML.
//
//   title = "会昌县空间管控指标"       # optional: heads the report
//   unit = "ha"                      # optional defaults for every check: unit, method
//
//   [[check]]
//   name = "生态保护红线面积不减少"
//   kind = "not-reduced"             # not-reduced | nature-unchanged | function-not-lowered
//                                    # | min-share | share-of-zones | no-overlap | max-inside
//                                    # | no-gaps (redline/checks/check.h)
//   layer = "huichang.gpkg"          # relative to the rules file, or absolute
//   layer_name = "redline_2024"      # the layer inside a GeoPackage / FileGDB
//   previous = "huichang.gpkg"       # the version it is compared with ...
//   previous_layer = "redline"
//   baseline = "75587.98ha"          # ... or a figure with its unit (ha, mu, 亩, km2, m2);
//                                    # with `by`, a table: baseline = { 水源涵养 = "30000ha" }
//   key = "BSM"                      # names (and matches) features in the listings
//   label = "HXMC"                   # shown beside the key of each lost feature
//
// Keys by kind: not-reduced: baseline or previous (+ previous_layer), optional by, key, label;
// nature-unchanged: previous, field; function-not-lowered: previous, field, order = [...];
// min-share: within (+ within_layer), min_percent, optional share_of = "layer" | "within";
// share-of-zones: min_percent, optional field (DEFAULT kDefaultZoneField), zones = [...];
// no-overlap: optional [[check.with]] tables (layer, layer_name: the layers not to overlap;
// without them, the layer against itself), max_overlap, key, sliver_width; max-inside: within,
// max_area or max_percent, optional key, sliver_width; no-gaps: within, optional max_gap,
// sliver_width. A no-overlap check against two layers:
//   [[check]]
//   kind = "no-overlap"
//   layer = "huichang.gpkg"
//   layer_name = "redline"
//   key = "BSM"
//   [[check.with]]
//   layer = "huichang.gpkg"
//   layer_name = "farmland"
//   [[check.with]]
//   layer = "huichang.gpkg"
//   layer_name = "development"
// Every check
// may have where = { FIELD = "value" or ["v1", "v2"] }, unit, method, name, description.
// Each [[check]] table is read by build_check_spec (redline/checks/check_spec_builder.h), the
// code that reads the quick form of `redline check` too. An unknown key is an error (a
// misspelt threshold must not be silently ignored); so is every threshold or list that makes
// no sense (see parse_rules below).
//
// Deliveries: a path may contain "{delivery}" (redline/checks/deliveries.h).
//
// Example usage:
//   redline::RuleSet rules = redline::load_rules("samples/huichang/indicators.toml");
//   std::vector<redline::CheckSpec> specs = redline::expand_deliveries(rules, {});
//   std::vector<redline::CheckResult> results = redline::run_checks(specs);
#include <string>
#include <vector>

#include "redline/checks/check.h"
#include "redline/checks/deliveries.h"
#include "redline/export.h"

namespace redline {

/// The checks of a rules file, paths resolved against its folder.
struct RuleSet {
  std::string path;                ///< the rules file, as given
  std::string title;               ///< its top-level `title` ("" when none)
  std::vector<CheckSpec> checks;   ///< in file order
  bool uses_delivery = false;      ///< some path contains {delivery}
};

/// Reads and validates a rules file (see parse_rules). Throws InputError for a missing or
/// unreadable file, and what parse_rules throws.
REDLINE_EXPORT RuleSet load_rules(const std::string& path);

/// Parses and validates the text of a rules file; `path` names it in messages and is the base
/// of relative paths. Throws InputError for text that is not TOML (with line and column), and
/// UsageError naming the file, the check (by number, name and line) and the line of the key
/// for: an unknown kind or key; a missing, empty or ill-typed parameter; a threshold that makes
/// no sense (redline/checks/threshold.h: NaN, infinite, negative, zero, out of range, hex,
/// trailing junk, an unknown unit, a percentage above 100); an empty `zones`, `order`, `where`
/// or baseline table, or a value given twice in them; two checks with the same name; a
/// `previous` or `within` that is the checked layer itself; {delivery} anywhere but at the
/// start of a path. Pure: reads no file (paths are only resolved, lexically), prints nothing,
/// keeps nothing: a fuzzing entry point.
REDLINE_EXPORT RuleSet parse_rules(const std::string& text, const std::string& path);

}  // namespace redline
