#include "redline/report/coverage_job.h"

#include <fmt/format.h>

#include "redline/io/output_path.h"
#include "redline/measure/units.h"
#include "redline/report/coverage_layers.h"
#include "redline/report/map.h"
#include "redline/report/map_builders.h"

namespace redline {
namespace {

std::string spelled(const CoverageJob& job, std::string_view key) {
  return job.spell ? job.spell(key) : std::string(key);
}

FeatureListing listing_of(const CoverageJob& job) {
  return job.features.empty() ? default_feature_listing(!job.group_field.empty())
                              : parse_feature_listing(job.features);
}

bool names_length_unit(const CoverageJob& job) {
  if (!job.unit) return false;
  try {
    parse_length_unit(*job.unit);
    return true;
  } catch (const UsageError&) {
    return false;
  }
}

struct PolygonSettings {
  CoverageOptions options;
  CoverageReportOptions report;
};

// The polygon settings, each parsed (a wrong word throws UsageError).
PolygonSettings polygon_settings(const CoverageJob& job) {
  PolygonSettings p;
  p.report.unit = job.unit ? parse_area_unit(*job.unit) : kDefaultAreaUnit;
  p.report.listing = listing_of(job);
  EngineOptions& e = p.options.engine;
  e.method = job.method ? parse_area_method(*job.method) : kDefaultAreaMethod;
  if (!job.crs.empty()) e.crs = Crs::from_user_input(job.crs);
  e.grid_size = job.grid;
  e.threads = job.threads;
  e.progress = job.progress;
  p.options.group_field = job.group_field;
  p.options.id_field = job.id_field;
  p.options.sliver_width = job.sliver_width.value_or(kDefaultSliverWidthMetres);
  p.options.keep_geometries = !job.out.empty() || !job.map.empty();
  return p;
}

}  // namespace

std::string CoverageOutcome::render(OutputFormat format, bool bom) const {
  if (lines) {
    LineCoverageReportOptions r = line_report;
    r.format = format;
    r.bom = bom;
    return render_line_coverage_report(*lines, r);
  }
  CoverageReportOptions r = polygon_report;
  r.format = format;
  r.bom = bom;
  return render_coverage_report(*polygons, r);
}

void check_coverage_job(const CoverageJob& job, const std::vector<std::string>& inputs) {
  if (!names_length_unit(job)) static_cast<void>(polygon_settings(job));
  if (!job.out.empty()) check_output_target(job.out, inputs);
  if (!job.map.empty()) check_map_target(job.map, inputs);
}

CoverageOutcome run_coverage_job(const Layer& target, const Layer& cover, const CoverageJob& job,
                                 const std::vector<std::string>& inputs) {
  CoverageOutcome outcome;
  if (target.geometry == LayerGeometry::Lines) {
    const bool given[] = {!job.out.empty(), !job.map.empty(), !job.crs.empty(), job.grid.has_value(),
                          job.sliver_width.has_value()};
    const char* keys[] = {"out", "map", "crs", "grid", "sliver-width"};
    for (std::size_t i = 0; i < std::size(keys); ++i) {
      if (given[i]) {
        throw UsageError(fmt::format("{} applies to polygon targets; {} holds lines", spelled(job, keys[i]),
                                     target.name));
      }
    }
    outcome.line_report.unit = job.unit ? parse_length_unit(*job.unit) : kDefaultLengthUnit;
    outcome.line_report.listing = listing_of(job);
    LineCoverageOptions options;
    options.method = job.method ? parse_length_method(*job.method) : kDefaultLengthMethod;
    options.group_field = job.group_field;
    options.id_field = job.id_field;
    options.threads = job.threads;
    options.progress = job.progress;
    outcome.lines = compute_line_coverage(target, cover, options);
    return outcome;
  }
  PolygonSettings p = polygon_settings(job);
  outcome.polygon_report = p.report;
  outcome.polygons = compute_coverage(target, cover, p.options);
  if (!job.out.empty()) write_coverage_layers(*outcome.polygons, target, job.out, p.report.unit);
  if (!job.map.empty()) render_map(map_of_coverage(*outcome.polygons, target, cover), job.map, inputs);
  return outcome;
}

}  // namespace redline
