#pragma once
// The whole public API of redline: every public header, floor by floor (scripts/check-architecture
// checks that none is missing). Include the module headers instead to keep builds lean.
//
// Floors, from the ground (ARCHITECTURE.md): util, geom (GEOS), crs (PROJ), io (GDAL), measure,
// overlay, drift, checks, report. The stable C API (redline/redline_c.h, floor capi) is another
// API with its own ABI promise: include it on its own.
#include "redline/error.h"
#include "redline/progress.h"
#include "redline/version.h"
#include "redline/export.h"

// geom
#include "redline/geom/coordinate_map.h"
#include "redline/geom/envelope_index.h"
#include "redline/geom/geometry.h"
#include "redline/geom/ops.h"
#include "redline/geom/paths.h"
#include "redline/geom/predicates.h"
#include "redline/geom/validity.h"

// crs
#include "redline/crs/crs.h"
#include "redline/crs/ellipsoid_area.h"
#include "redline/crs/geodesic_length.h"
#include "redline/crs/local_projection.h"
#include "redline/crs/transform.h"

// io
#include "redline/io/checksum.h"
#include "redline/io/feature.h"
#include "redline/io/input_path.h"
#include "redline/io/layer.h"
#include "redline/io/layer_stream.h"
#include "redline/io/layer_origin.h"
#include "redline/io/output_file.h"
#include "redline/io/output_path.h"
#include "redline/io/reproject.h"
#include "redline/io/source_info.h"
#include "redline/io/temporary_files.h"
#include "redline/io/writer.h"

// measure
#include "redline/measure/area.h"
#include "redline/measure/area_summary.h"
#include "redline/measure/length.h"
#include "redline/measure/length_summary.h"
#include "redline/measure/quantity_format.h"
#include "redline/measure/units.h"

// overlay
#include "redline/overlay/coverage.h"
#include "redline/overlay/engine_options.h"
#include "redline/overlay/gaps.h"
#include "redline/overlay/line_coverage.h"
#include "redline/overlay/overlaps.h"
#include "redline/overlay/overlay.h"
#include "redline/overlay/sliver.h"
#include "redline/overlay/subdivide.h"
#include "redline/overlay/tabulate.h"

// drift
#include "redline/drift/drift.h"

// checks
#include "redline/checks/catalogue.h"
#include "redline/checks/check.h"
#include "redline/checks/check_spec_builder.h"
#include "redline/checks/deliveries.h"
#include "redline/checks/delivery_qa.h"
#include "redline/checks/rules.h"
#include "redline/checks/threshold.h"

// report
#include "redline/report/area_report.h"
#include "redline/report/batch_report.h"
#include "redline/report/check_job.h"
#include "redline/report/check_maps.h"
#include "redline/report/check_report.h"
#include "redline/report/conflict_layers.h"
#include "redline/report/coverage_job.h"
#include "redline/report/coverage_layers.h"
#include "redline/report/coverage_report.h"
#include "redline/report/drift_job.h"
#include "redline/report/drift_layers.h"
#include "redline/report/drift_report.h"
#include "redline/report/html_report.h"
#include "redline/report/info_report.h"
#include "redline/report/length_report.h"
#include "redline/report/line_coverage_report.h"
#include "redline/report/overlay_layer.h"
#include "redline/report/map.h"
#include "redline/report/map_builders.h"
#include "redline/report/overlay_report.h"
#include "redline/report/qa_layers.h"
#include "redline/report/qa_report.h"
#include "redline/report/table.h"
#include "redline/report/xlsx.h"
#include "redline/report/tabulate_report.h"

// cluster
#include "redline/cluster/batch.h"
