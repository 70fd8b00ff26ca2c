#!/bin/sh
# Makes tests/data/checks/padded.gpkg (tests/checks/check_hostile_cli_test.cpp): layer "padded"
# is tests/data/drift/versions.gpkg:base without BSM ...005 (38822.41 m²) and with a second copy
# of BSM ...006 (40381.30 m²) laid over the first. Its sum of feature areas exceeds base's, yet
# 38822.41 m² of base is lost and nothing gained compensates it.
# Run from the repository root: sh tests/oracles/checks_make_padded.sh
set -eu
out=tests/data/checks/padded.gpkg
rm -f "$out"
ogr2ogr -f GPKG "$out" tests/data/drift/versions.gpkg -nln padded -dialect SQLite \
  -sql "SELECT BSM, HXLX, geom FROM base WHERE BSM <> '36073321000005'
        UNION ALL SELECT BSM, HXLX, geom FROM base WHERE BSM = '36073321000006'"
# Layers "empty" and "empty_too": base's schema, no feature (a check of one against the other
# measures nothing: 0 ≥ 0 must not pass).
for name in empty empty_too; do
  ogr2ogr -f GPKG -update "$out" tests/data/drift/versions.gpkg base -nln "$name" -nlt MULTIPOLYGON -where "1 = 0"
done
