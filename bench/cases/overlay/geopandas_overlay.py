#!/usr/bin/python3
"""GeoPandas reference for the overlay cases: GeoPandas overlay, then geodesic areas.

  geopandas_overlay.py tabulate FILE ZONES CLASSES CLASS_FIELD
      -> {"areas_ha": {class: ha}, "pieces": n, "seconds": {...}}
     area of each class inside the zones: geopandas.overlay(zones, classes, 'intersection'),
     pieces summed by class (what a GeoPandas user writes for a tabulation)
  geopandas_overlay.py coverage FILE TARGETS COVER ID_FIELD
      -> {"inside_ha": {id: ha}, "pieces": n, "seconds": {...}}
     area of each target inside the cover: the cover dissolved first (so that overlapping cover
     features count once, as redline counts them), then geopandas.overlay(targets, cover)

Areas: every piece reprojected to EPSG:4490 and measured with pyproj.Geod(a=6378137,
rf=298.257222101).geometry_area_perimeter (Karney), polygons oriented first (holes opposite to
their shell, so that they are subtracted). Reading the file (Fiona) is included."""
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


def areas_ha(frame, key):
    """Returns {key value: geodesic area in ha} summed over the frame's pieces, in frame order."""
    geod = Geod(a=6378137, rf=298.257222101)
    sums = {}
    for k, geometry in zip(frame[key], frame.to_crs(4490).geometry):
        if geometry is None or geometry.is_empty:
            continue
        sums[k] = sums.get(k, 0.0) + abs(geod.geometry_area_perimeter(oriented(geometry))[0]) / 1e4
    return sums


def main():
    mode, path, first, second, field = sys.argv[1:6]
    seconds = {'import': time.perf_counter() - start}
    t = time.perf_counter()
    a = geopandas.read_file(path, layer=first)
    b = geopandas.read_file(path, layer=second)
    seconds['read'] = time.perf_counter() - t
    t = time.perf_counter()
    if mode == 'tabulate':
        pieces = geopandas.overlay(a[['geometry']], b[[field, 'geometry']], how='intersection', keep_geom_type=True)
    else:
        cover = b[['geometry']].dissolve()
        pieces = geopandas.overlay(a[[field, 'geometry']], cover, how='intersection', keep_geom_type=True)
    seconds['overlay'] = time.perf_counter() - t
    t = time.perf_counter()
    sums = areas_ha(pieces, field)
    seconds['area'] = time.perf_counter() - t
    key = 'areas_ha' if mode == 'tabulate' else 'inside_ha'
    print(json.dumps({key: sums, 'pieces': len(pieces), 'seconds': seconds}, ensure_ascii=False))


if __name__ == '__main__':
    main()
