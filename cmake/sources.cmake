# Explicit source lists: a file is part of the build because it is named here.
set(REDLINE_LIB_SOURCES
  lib/error.cpp
  lib/crs/crs.cpp
  lib/crs/reproject.cpp
  lib/crs/transform.cpp
  lib/geom/envelope_index.cpp
  lib/geom/geometry.cpp
  lib/geom/geos_context.cpp
  lib/geom/ops.cpp
  lib/geom/validity.cpp
  lib/io/feature.cpp
  lib/io/gdal_dataset.cpp
  lib/io/layer_open.cpp
  lib/io/read_layer.cpp
  lib/io/source_info.cpp
  lib/io/writer.cpp
  lib/measure/area.cpp
  lib/measure/area_summary.cpp
  lib/measure/units.cpp
  lib/report/area_report.cpp
  lib/report/info_report.cpp
  lib/report/table.cpp
  lib/util/text.cpp
)

# Overlay engine: coverage, tabulate, overlay (issue 4).
list(APPEND REDLINE_LIB_SOURCES
)

# Drift between versions (issue 5).
list(APPEND REDLINE_LIB_SOURCES
)

# Checks and rules files (issue 5).
list(APPEND REDLINE_LIB_SOURCES
)

set(REDLINE_TOOL_SOURCES
  tools/main.cpp
  tools/cli/common.cpp
  tools/commands.cpp
  tools/area.cpp
  tools/info.cpp
)

# Overlay tools (issue 4).
list(APPEND REDLINE_TOOL_SOURCES
)

# Drift and check tools (issue 5).
list(APPEND REDLINE_TOOL_SOURCES
)
