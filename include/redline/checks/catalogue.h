#pragma once
// A catalogue of counties: the table a national run walks, one county a row.
//
// A catalogue is a CSV file (UTF-8, a byte order mark allowed, RFC 4180 quoting, comma
// separated) whose first row names the columns, in any order:
//   code            the county's 6-digit administrative division code (行政区划代码, GB/T 2260),
//                   e.g. 360733; unique in the catalogue
//   name            the county's name (会昌县); not empty
//   delivery        what {delivery} stands for in the rules' paths (redline/checks/deliveries.h)
//                   for this county: a folder or a file (a GeoPackage, a shapefile), relative to
//                   the catalogue's folder or absolute; not empty
//   boundary        optional: the county's boundary layer (path as above); may be empty in a row
//   boundary_layer  optional: the layer of `boundary` inside a GeoPackage (only with boundary)
// Example:
//   code,name,delivery,boundary,boundary_layer
//   360733,会昌县,deliveries/360733.gpkg,boundaries.gpkg,county_360733
//   360734,寻乌县,deliveries/360734,,
// A rules file run over a catalogue may write a path as "{boundary}" (the whole path, e.g.
// within = "{boundary}" for the red line's share of each county): it stands for the county's
// boundary and boundary_layer. A county without a boundary cannot run such a check (its error).
// Blank lines are skipped. Rows are kept in file order: the order of every table made from the
// catalogue. Nothing is opened but the catalogue itself: a delivery that is missing is found
// when its county runs, and is that county's error, not the catalogue's.
//
// Example usage:
//   redline::Catalogue counties = redline::load_catalogue("counties.csv");
//   for (const redline::County& c : counties.counties) ...  // c.delivery replaces {delivery}
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "redline/checks/check.h"
#include "redline/export.h"

namespace redline {

struct RuleSet;  // redline/checks/rules.h

/// What stands for a county's boundary layer (path and layer) as the whole path of a check.
constexpr std::string_view kBoundaryPlaceholder = "{boundary}";

/// One row of a catalogue.
struct County {
  std::string code;      ///< 6 ASCII digits
  std::string name;
  std::string delivery;  ///< resolved against the catalogue's folder (lexically; not opened)
  std::optional<LayerRef> boundary;  ///< resolved likewise; nullopt when the row gives none
  std::size_t line = 0;  ///< the row's line in the catalogue (1 = the header), for messages
};

/// The counties of a catalogue file, in file order.
struct Catalogue {
  std::string path;  ///< the catalogue, as given
  std::vector<County> counties;
};

/// Reads and validates a catalogue file (see parse_catalogue). Throws InputError for a missing
/// or unreadable file or one that is not a regular file, and what parse_catalogue throws.
REDLINE_EXPORT Catalogue load_catalogue(const std::string& path);

/// Parses and validates the text of a catalogue; `path` names it in messages and its folder is
/// the base of relative paths. Throws InputError for text that is not UTF-8 or not CSV (an
/// unterminated quote, a row with more or fewer fields than the header), and UsageError naming
/// the file and the line for: a missing or unknown column, or one named twice; a code that is
/// not 6 digits; a code given twice (both lines named); an empty name or delivery; a
/// boundary_layer without boundary; a catalogue with no county. Pure: reads no file.
REDLINE_EXPORT Catalogue parse_catalogue(const std::string& text, const std::string& path);

/// Throws UsageError naming the check when a check of `rules` has {delivery} in none of its
/// paths (or no check has): run for every county, it would measure the same layers each time
/// and be counted once per county in the national sums.
REDLINE_EXPORT void require_delivery_in_every_check(const RuleSet& rules);

/// Returns the checks of `rules` for `county`, in rules order: {delivery} replaced by the
/// county's delivery (expand_deliveries), {boundary} by its boundary. Throws what
/// require_delivery_in_every_check throws, and UsageError when a check names a layer by
/// {boundary} and the county has none.
REDLINE_EXPORT std::vector<CheckSpec> county_checks(const RuleSet& rules, const County& county);

/// Returns every path a run of `rules` over `catalogue` reads, to keep outputs off them: the
/// rules file, the catalogue, each county's delivery and boundary and the layers of its checks
/// (a county whose checks cannot be made, which will be its error, adds its delivery and
/// boundary only). Throws what require_delivery_in_every_check throws.
REDLINE_EXPORT std::vector<std::string> catalogue_inputs(const RuleSet& rules, const Catalogue& catalogue);

}  // namespace redline
