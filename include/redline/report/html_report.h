#pragma once
// The check report as one self-contained HTML page: what `redline check --report FILE.html`
// writes, for a county's reviewers to read on screen or print.
//
// One file, nothing fetched: the CSS is inline, maps are inline SVG, no script, no font or
// image from elsewhere. It holds the title, the redline version (no date or time: the same
// inputs give the same bytes), the indicator table with 达标 (green) / 未达标 (red), each
// value, threshold and margin with its unit; then one section per check: its findings (未达标)
// and notes, its figures (the details of CheckResult::details_json as tables: lost features,
// reclassified pairs, overlapping pairs, gaps ...) and its map when one is given; last, the
// inputs with their CRS and the SHA-256 of each of their files. It prints on A4 (@page A4,
// tables and maps not split across pages, colours printed). Every text that comes from the
// data or the user (names, attribute values, paths) is HTML-escaped.
//
// Example usage:
//   redline::HtmlReport report;
//   report.title = "会昌县生态保护红线指标";
//   report.results = redline::run_checks(specs);
//   report.inputs = redline::describe_report_inputs(specs);
//   redline::write_html_report(report, "report.html", {"huichang.gpkg"});
#include <optional>
#include <string>
#include <vector>

#include "redline/checks/check.h"
#include "redline/export.h"
#include "redline/io/checksum.h"
#include "redline/report/map.h"

namespace redline {

/// One input of the checks with the checksums of its files, as the HTML report lists it for an
/// audit (report/table.h's ReportInput is the plainer row of a workbook's sheet 输入).
struct AuditedInput {
  std::string label;                ///< "path" or "path (layer)"
  std::string crs;                  ///< the CRS the source declares (Crs::label()), or "none declared"
  std::vector<FileChecksum> files;  ///< the files the source is made of, with their SHA-256
};

/// What the page shows.
struct HtmlReport {
  std::string title;                ///< heading; "" gives "redline check"
  std::vector<CheckResult> results;
  std::vector<AuditedInput> inputs;
  /// maps[i]: the map of results[i] as SVG text (an XML declaration is dropped; ids are made
  /// unique per map), or "" for none: check_maps_svg() (redline/report/check_maps.h) gives one
  /// for each failed check. DEFAULT: empty — no maps.
  std::vector<std::string> maps;
};

/// Describes each layer the checks read (layer, previous, within, with) once, in the order
/// first read (a layer read by several checks is listed once; two layers of one GeoPackage
/// list the file's checksum once): its CRS as the source
/// declares it and the checksums of its files (redline/io/checksum.h). Throws InputError when a
/// source cannot be opened or read.
REDLINE_EXPORT std::vector<AuditedInput> describe_report_inputs(const std::vector<CheckSpec>& specs);

/// Checks that the report can be written to `path` (check_output_target(), ".html") without
/// creating anything: for refusing a bad target before the checks run. Throws as
/// write_html_report().
REDLINE_EXPORT void check_html_report_target(const std::string& path, const std::vector<std::string>& inputs);

/// Returns the page (UTF-8). Throws InternalError when a result's details_json is not a JSON
/// object. Thread-safe.
REDLINE_EXPORT std::string render_html_report(const HtmlReport& report);

/// Writes render_html_report(report) to `path` (its name ends in .html), safely
/// (redline/io/output_file.h): never over one of `inputs`. Throws UsageError for a target that
/// is refused and OutputError when it cannot be written.
REDLINE_EXPORT void write_html_report(const HtmlReport& report, const std::string& path,
                                      const std::vector<std::string>& inputs);

}  // namespace redline
