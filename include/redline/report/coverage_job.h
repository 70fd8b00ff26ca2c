#pragma once
// A coverage run as a front end asks for it (the CLI's `redline coverage`, the C API's
// redline_coverage): a polygon target measured by area, a line target (shoreline) by length, the
// settings that apply to polygon targets only refused for lines, and the inside/outside layers
// and the map written when asked.
//
//   CoverageJob job;
//   job.unit = "mu";
//   check_coverage_job(job, {target_path, cover_path});   // before reading: refused early
//   CoverageOutcome o = run_coverage_job(target, cover, job, {target_path, cover_path});
//   std::string json = o.render(OutputFormat::Json, false);
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "redline/export.h"
#include "redline/io/layer.h"
#include "redline/overlay/coverage.h"
#include "redline/overlay/line_coverage.h"
#include "redline/progress.h"
#include "redline/report/coverage_report.h"
#include "redline/report/line_coverage_report.h"
#include "redline/report/table.h"

namespace redline {

/// The settings of a coverage run, as the user words them.
struct CoverageJob {
  /// An area unit (polygon targets) or a length unit (line targets). DEFAULT: nullopt, the
  /// target's kind's default (kDefaultAreaUnit, kDefaultLengthUnit).
  std::optional<std::string> unit;
  /// An area method (polygons) or a length method (lines). DEFAULT: nullopt, the kind's default.
  std::optional<std::string> method;
  std::string group_field;  ///< DEFAULT: "" (no groups)
  std::string id_field;     ///< DEFAULT: "" (features named by FID)
  /// The features listed: a feature_listing_name(). DEFAULT: "" (default_feature_listing()).
  std::string features;
  /// Polygon targets only. DEFAULT: nullopt (kDefaultSliverWidthMetres).
  std::optional<double> sliver_width;
  /// Polygon targets only: the CRS to overlay in (anything PROJ accepts). DEFAULT: "" (the target's).
  std::string crs;
  /// Polygon targets only: the precision grid in CRS units. DEFAULT: nullopt (working_grid()).
  std::optional<double> grid;
  /// Polygon targets only: a GeoPackage to write the inside/outside layers to, a PNG/SVG/PDF map.
  /// DEFAULT: "" (none). Never one of the run's inputs.
  std::string out, map;
  unsigned threads = kDefaultThreads;  ///< DEFAULT: kDefaultThreads
  ProgressFn progress;                 ///< DEFAULT: none
  /// How the front end names a setting in a message, from its key ("out", "map", "crs", "grid",
  /// "sliver-width"). DEFAULT: the key itself.
  std::function<std::string(std::string_view key)> spell;
};

/// What a coverage run found: one of the two results, with the report settings it is rendered with.
struct REDLINE_EXPORT CoverageOutcome {
  std::optional<CoverageResult> polygons;
  std::optional<LineCoverageResult> lines;
  CoverageReportOptions polygon_report;
  LineCoverageReportOptions line_report;

  /// Returns the report in `format` (the text `redline coverage --format FORMAT` prints).
  std::string render(OutputFormat format, bool bom) const;
};

/// Checks what can be checked before any reading: the polygon settings (unless `unit` is a
/// length unit: a line target is then expected), and the out and map files against `inputs`.
/// Throws UsageError for a setting that makes no sense, OutputError for an output that is an
/// input, a folder or a device.
REDLINE_EXPORT void check_coverage_job(const CoverageJob& job, const std::vector<std::string>& inputs);

/// Measures how much of each `target` feature lies inside `cover`: by area when the target holds
/// polygons, by length when it holds lines (a polygon-only setting given then throws UsageError,
/// naming it with job.spell). Writes job.out and job.map (never one of `inputs`). Throws as
/// compute_coverage / compute_line_coverage and the writers do.
REDLINE_EXPORT CoverageOutcome run_coverage_job(const Layer& target, const Layer& cover, const CoverageJob& job,
                                                const std::vector<std::string>& inputs);

}  // namespace redline
