# Explicit source lists: a file is part of the build because it is named here.
# (tools/cli/common.cpp is the CLI's helper object library, redline_cli_common, in CMakeLists.txt.)
set(REDLINE_LIB_SOURCES
  lib/error.cpp
  lib/crs/crs.cpp
  lib/crs/local_projection.cpp
  lib/crs/crs_guess.cpp
  lib/crs/proj_handle.cpp
  lib/crs/ellipsoid_area.cpp
  lib/crs/geodesic_length.cpp
  lib/crs/transform.cpp
  lib/geom/envelope_index.cpp
  lib/geom/geometry.cpp
  lib/geom/geos_context.cpp
  lib/geom/ops.cpp
  lib/geom/validity.cpp
  lib/geom/paths.cpp
  lib/geom/predicates.cpp
  lib/geom/simple_ring.cpp
  lib/geom/coordinate_map.cpp
  lib/geom/wkb_build.cpp
  lib/io/attribute_encoding.cpp
  lib/io/feature.cpp
  lib/io/file_kind.cpp
  lib/io/gdal_dataset.cpp
  lib/io/input_path.cpp
  lib/io/layer_open.cpp
  lib/io/output_path.cpp
  lib/io/checksum.cpp
  lib/io/attribute_values.cpp
  lib/io/geometry_normalisation.cpp
  lib/io/layer.cpp
  lib/io/layer_origin.cpp
  lib/io/read_layer.cpp
  lib/io/read_layers.cpp
  lib/io/layer_stream.cpp
  lib/io/raw_feature_reader.cpp
  lib/io/feature_batch_check.cpp
  lib/io/wkb_envelope.cpp
  lib/io/read_options.cpp
  lib/io/reproject.cpp
  lib/io/source_info.cpp
  lib/io/temporary_output.cpp
  lib/io/writer.cpp
  lib/measure/area.cpp
  lib/measure/area_summary.cpp
  lib/measure/length.cpp
  lib/measure/length_summary.cpp
  lib/measure/units.cpp
  lib/measure/quantity_format.cpp
  lib/report/area_report.cpp
  lib/report/check_report.cpp
  lib/report/conflict_layers.cpp
  lib/report/info_report.cpp
  lib/report/length_report.cpp
  lib/report/layer_origin_report.cpp
  lib/report/read_report_json.cpp
  lib/report/summary_tables.cpp
  lib/report/table.cpp
  lib/report/xlsx.cpp
  lib/util/text.cpp
  lib/util/quoted.cpp
)

# Overlay engine: coverage, tabulate, overlay (issue 4).
list(APPEND REDLINE_LIB_SOURCES
  lib/overlay/conflict_pieces.cpp
  lib/overlay/cover_overlaps.cpp
  lib/overlay/coverage.cpp
  lib/overlay/engine_options.cpp
  lib/overlay/feature_outlines.cpp
  lib/overlay/free_edges.cpp
  lib/overlay/gaps.cpp
  lib/overlay/interiors_overlap.cpp
  lib/overlay/line_coverage.cpp
  lib/overlay/piece_matcher.cpp
  lib/overlay/overlaps.cpp
  lib/overlay/overlay.cpp
  lib/overlay/overlay_inputs.cpp
  lib/overlay/piece_set.cpp
  lib/overlay/repair_delta.cpp
  lib/overlay/sliver.cpp
  lib/overlay/subdivide.cpp
  lib/overlay/tabulate.cpp
  lib/report/coverage_layers.cpp
  lib/report/coverage_report.cpp
  lib/report/line_coverage_report.cpp
  lib/report/output_fields.cpp
  lib/report/overlay_layer.cpp
  lib/report/overlay_report.cpp
  lib/report/tabulate_report.cpp
)

# Drift between versions (issue 5).
list(APPEND REDLINE_LIB_SOURCES
  lib/drift/drift.cpp
  lib/drift/drift_engine.cpp
  lib/drift/drift_options.cpp
  lib/drift/feature_changes.cpp
  lib/drift/feature_matchers.cpp
  lib/drift/layer_version.cpp
  lib/drift/noise_judge.cpp
  lib/drift/ring_alignment.cpp
  lib/drift/shared_edges.cpp
  lib/report/drift_layers.cpp
  lib/report/drift_report.cpp
)

# Checks and rules files (issue 5).
list(APPEND REDLINE_LIB_SOURCES
  lib/checks/area_checks.cpp
  lib/checks/check.cpp
  lib/checks/check_figures.cpp
  lib/checks/check_geometries.cpp
  lib/checks/check_spec_builder.cpp
  lib/checks/deliveries.cpp
  lib/checks/describe_check.cpp
  lib/checks/class_checks.cpp
  lib/checks/conflict_checks.cpp
  lib/checks/layer_source.cpp
  lib/checks/rules.cpp
  lib/checks/share_checks.cpp
  lib/checks/threshold.cpp
  lib/checks/validate_check.cpp
  lib/checks/value_list.cpp
)

set(REDLINE_TOOL_SOURCES
  tools/main.cpp
  tools/commands.cpp
  tools/area.cpp
  tools/info.cpp
  tools/length.cpp
)

# Overlay tools (issue 4).
list(APPEND REDLINE_TOOL_SOURCES
  tools/coverage.cpp
  tools/overlay.cpp
  tools/tabulate.cpp
)

# Drift and check tools (issue 5).
list(APPEND REDLINE_TOOL_SOURCES
  tools/check.cpp
  tools/drift.cpp
)

# Coordinate and CRS plausibility, repair audit (issue 8).
list(APPEND REDLINE_LIB_SOURCES
  lib/crs/crs_plausibility.cpp
  lib/geom/coordinate_scan.cpp
  lib/io/coordinate_check.cpp
  lib/io/repair_audit.cpp
)

# Delivery QA: redline qa (issue 10).
list(APPEND REDLINE_LIB_SOURCES
  lib/checks/delivery_qa.cpp
  lib/checks/delivery_qa_area_field.cpp
  lib/checks/delivery_qa_invalid.cpp
  lib/checks/delivery_qa_keys.cpp
  lib/checks/delivery_qa_slivers.cpp
  lib/checks/delivery_qa_spikes.cpp
  lib/checks/delivery_qa_topology.cpp
  lib/report/qa_layers.cpp
  lib/report/qa_report.cpp
  lib/report/check_maps.cpp
  lib/report/html_report.cpp
)

# Delivery QA tool (issue 10).
list(APPEND REDLINE_TOOL_SOURCES
  tools/qa.cpp
)

# Maps: cairo and Pango on the report floor (issue 11).
list(APPEND REDLINE_LIB_SOURCES
  lib/io/output_file.cpp
  lib/report/map_frame.cpp
  lib/report/map_labels.cpp
  lib/report/map_legend.cpp
  lib/report/map_layers.cpp
  lib/report/map_of_coverage.cpp
  lib/report/map_of_drift.cpp
  lib/report/map_of_tabulate.cpp
  lib/report/map_page.cpp
  lib/report/map_scale_bar.cpp
  lib/report/map_surface.cpp
  lib/report/map_text.cpp
)

# Front-end jobs shared by the CLI and the C API, and the stable C API (issue 12).
list(APPEND REDLINE_LIB_SOURCES
  lib/report/check_job.cpp
  lib/report/coverage_job.cpp
  lib/report/drift_job.cpp
  lib/capi/context.cpp
  lib/capi/jobs.cpp
  lib/capi/layers.cpp
  lib/capi/options.cpp
  lib/capi/results.cpp
)

# A nation on a cluster (issue 13): the catalogue of counties (checks), the batch tables
# (report), the batch across processes (cluster; its MPI file is chosen in CMakeLists.txt).
list(APPEND REDLINE_LIB_SOURCES
  lib/checks/catalogue.cpp
  lib/report/batch_report.cpp
  lib/cluster/batch.cpp
  lib/cluster/ranks_env.cpp
)
list(APPEND REDLINE_TOOL_SOURCES
  tools/batch.cpp
)
