#!/usr/bin/python3
"""Oracle of the sample's shoreline_line lengths (tests/measure/length_test.cpp,
tests/cli/length_cli_test.cpp): every line taken to EPSG:4490 by GeoPandas/pyproj, measured by
pyproj's Geod on the CGCS2000 ellipsoid (geodesic segments), summed in total and by GNFQ.

  /usr/bin/python3 tests/oracles/shoreline_length.py
"""
import geopandas as gpd
from pyproj import Geod

geod = Geod(a=6378137.0, f=1 / 298.257222101)
lines = gpd.read_file("samples/huichang/huichang.gpkg", layer="shoreline_line")
lonlat = lines.to_crs("EPSG:4490")
lines["m"] = [geod.geometry_length(g) if g is not None else 0.0 for g in lonlat.geometry]
print(f"features {len(lines)}, total {lines.m.sum():.6f} m, planar {lines.geometry.length.sum():.6f} m")
for zone, m in lines.groupby("GNFQ").m.sum().items():
    print(f"  {zone}: {m:.6f} m")
