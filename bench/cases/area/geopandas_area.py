#!/usr/bin/python3
"""GeoPandas reference for the area case: the total geodesic area of a layer, in m².

  geopandas_area.py FILE LAYER  ->  {"total_m2": ..., "features": n, "seconds": {...}}

Reads the layer (Fiona), reprojects to CGCS2000 geographic (EPSG:4490) and sums
pyproj.Geod(a=6378137, rf=298.257222101).geometry_area_perimeter over the features (Karney's
algorithm). Polygons are oriented first (exterior counter-clockwise, holes clockwise) because
geometry_area_perimeter adds the signed ring areas: holes must be opposite to their shell to be
subtracted."""
import json
import sys
import time

start = time.perf_counter()
import geopandas  # noqa: E402
from pyproj import Geod  # noqa: E402
from shapely.geometry import MultiPolygon, Polygon  # noqa: E402
from shapely.geometry.polygon import orient  # noqa: E402


def oriented(geometry):
    if isinstance(geometry, Polygon):
        return orient(geometry, 1.0)
    if isinstance(geometry, MultiPolygon):
        return MultiPolygon([orient(p, 1.0) for p in geometry.geoms])
    return geometry


def main():
    path, layer = sys.argv[1], sys.argv[2]
    seconds = {'import': time.perf_counter() - start}
    t = time.perf_counter()
    frame = geopandas.read_file(path, layer=layer)
    seconds['read'] = time.perf_counter() - t
    t = time.perf_counter()
    geographic = frame.to_crs(4490)
    seconds['to_crs'] = time.perf_counter() - t
    t = time.perf_counter()
    geod = Geod(a=6378137, rf=298.257222101)
    total = 0.0
    for geometry in geographic.geometry:  # in file order: a fixed summation order
        if geometry is None or geometry.is_empty:
            continue
        total += geod.geometry_area_perimeter(oriented(geometry))[0]
    seconds['area'] = time.perf_counter() - t
    print(json.dumps({'total_m2': total, 'features': len(frame), 'seconds': seconds}))


if __name__ == '__main__':
    main()
