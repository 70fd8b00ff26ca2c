#!/usr/bin/python3
"""Where the sample's removed and added red-line polygons are, for the drift map test.

Usage: /usr/bin/python3 tests/oracles/drift_map_oracle.py samples/huichang/huichang.gpkg
Prints, for each feature whose BSM is only in `redline` (removed) or only in `redline_2024`
(added), a point inside it (shapely representative_point) in EPSG:4527 metres, and the
extent of both layers together (the map's extent)."""
import sys

import geopandas as gpd

path = sys.argv[1]
before = gpd.read_file(path, layer="redline")
after = gpd.read_file(path, layer="redline_2024")
for name, rows in (("removed", before[~before.BSM.isin(after.BSM)]), ("added", after[~after.BSM.isin(before.BSM)])):
    for _, row in rows.iterrows():
        p = row.geometry.representative_point()
        print(f'{{"{name}", "{row.BSM}", {p.x:.1f}, {p.y:.1f}}},')
b = before.total_bounds
a = after.total_bounds
print("extent", min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
