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
# A .prj that GDAL reads but whose projection PROJ does not know: every transformation fails.
for ext in shp shx dbf cpg; do cp "$io/bowtie.$ext" "$out/unknown_projection.$ext"; done
printf 'PROJCS["x",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["No_Such_Projection"],PARAMETER["False_Easting",39500000.0],UNIT["Meter",1.0]]' > "$out/unknown_projection.prj"
