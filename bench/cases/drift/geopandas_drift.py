#!/usr/bin/python3
"""GeoPandas reference for the drift case: the symmetric difference of two versions of a layer.

  geopandas_drift.py FILE BEFORE_LAYER AFTER_LAYER
    -> {"gained_ha", "lost_ha", "pieces", "seconds": {...}}

Reads both layers (Fiona), runs geopandas.overlay(before, after, how='symmetric_difference')
(per feature: the feature minus every intersecting feature of the other layer, one difference
at a time; both ways) and measures every piece's geodesic area: reprojected to EPSG:4490,
pyproj.Geod(a=6378137, rf=298.257222101).geometry_area_perimeter (Karney). A piece with no
attribute of BEFORE comes from AFTER (gained), the others from BEFORE (lost)."""
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
    path, before_layer, after_layer = sys.argv[1:4]
    seconds = {'import': time.perf_counter() - start}
    t = time.perf_counter()
    before = geopandas.read_file(path, layer=before_layer)[['geometry']]
    after = geopandas.read_file(path, layer=after_layer)[['geometry']]
    before['side'] = 'lost'
    after['side_after'] = 'gained'
    seconds['read'] = time.perf_counter() - t
    t = time.perf_counter()
    sym = geopandas.overlay(before, after, how='symmetric_difference', keep_geom_type=True)
    seconds['overlay'] = time.perf_counter() - t
    t = time.perf_counter()
    geod = Geod(a=6378137, rf=298.257222101)
    geographic = sym.to_crs(4490)
    sums = {'gained': 0.0, 'lost': 0.0}
    pieces = 0
    for side, geometry in zip(sym['side'], geographic.geometry):
        if geometry is None or geometry.is_empty:
            continue
        pieces += len(geometry.geoms) if isinstance(geometry, MultiPolygon) else 1
        sums['lost' if side == 'lost' else 'gained'] += abs(geod.geometry_area_perimeter(oriented(geometry))[0])
    seconds['area'] = time.perf_counter() - t
    print(json.dumps({'gained_ha': sums['gained'] / 1e4, 'lost_ha': sums['lost'] / 1e4, 'pieces': pieces,
                      'seconds': seconds}))


if __name__ == '__main__':
    main()
