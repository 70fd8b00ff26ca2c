#!/bin/sh
# Makes the broken inputs of tests/cli/error_message_test.cpp from tests/data/io (run from the
# repository root: sh tests/data/errors/make_broken.sh). Each is broken in one way only.
set -eu
out=tests/data/errors
io=tests/data/io
# A shapefile whose .prj is not a CRS at all.
for ext in shp shx dbf cpg; do cp "$io/bowtie.$ext" "$out/garbage_prj.$ext"; done
printf 'this is not a coordinate reference system\n' > "$out/garbage_prj.prj"
# A .gpkg that is not SQLite (a text file renamed).
printf 'not a GeoPackage: plain text\nsecond line\n' > "$out/not_sqlite.gpkg"
# A GeoJSON cut off in the middle of its first feature.
printf '{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],' > "$out/cut.geojson"
# A shapefile without its .shx index.
for ext in shp dbf prj cpg; do cp "$io/bowtie.$ext" "$out/no_shx.$ext"; done
