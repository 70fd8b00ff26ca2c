#!/usr/bin/python3
"""Oracle figures for tests/overlay/*_test.cpp on tests/data/overlay/cases.gpkg: shapely
(GEOS, floating precision) overlays in EPSG:4527 and geodesic areas with pyproj.Geod on the
CGCS2000 ellipsoid (a = 6378137, 1/f = 298.257222101), after converting vertices to EPSG:4490.

    /usr/bin/python3 tests/oracles/overlay_small_oracle.py

Prints, in m2 (and percent), for each target: its area and the area of (target ∩ union of
cover); for each (zone, class): area of (zone ∩ union of the class's features); and the
intersection overlay of targets × cover (pairs and total area).  The "bowtie" target is
repaired with shapely.validation.make_valid first, as redline repairs it.
"""
import json
import os
import sys
import warnings

import geopandas as gpd
from pyproj import Geod, Transformer
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.polygon import orient
from shapely.ops import transform, unary_union
from shapely.validation import make_valid

warnings.filterwarnings('ignore')
GEOD = Geod(a=6378137.0, rf=298.257222101)
TO_LONLAT = Transformer.from_crs('EPSG:4527', 'EPSG:4490', always_xy=True)
PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'overlay', 'cases.gpkg')


def oriented(g):
    """Returns g with shells counter-clockwise and holes clockwise: Geod.geometry_area_perimeter
    adds each ring's signed area, so a hole drawn like its shell would be added, not removed."""
    if isinstance(g, Polygon):
        return orient(g, 1.0)
    if isinstance(g, MultiPolygon):
        return MultiPolygon([orient(p, 1.0) for p in g.geoms])
    if hasattr(g, 'geoms'):
        return MultiPolygon([orient(p, 1.0) for p in g.geoms if isinstance(p, Polygon)] +
                            [orient(q, 1.0) for p in g.geoms if isinstance(p, MultiPolygon) for q in p.geoms])
    return g


def area(g):
    if g is None or g.is_empty:
        return 0.0
    return abs(GEOD.geometry_area_perimeter(transform(TO_LONLAT.transform, oriented(g)))[0])


def main():
    read = lambda name: gpd.read_file(PATH, layer=name)
    targets, cover = read('targets'), read('cover')
    targets['geometry'] = [g if g.is_valid else make_valid(g) for g in targets.geometry]
    u = unary_union(list(cover.geometry))
    out = {'targets': {}}
    for _, t in targets.iterrows():
        pairs = sum(area(t.geometry.intersection(c)) for c in cover.geometry)
        out['targets'][t['NAME']] = {'area': area(t.geometry), 'inside': area(t.geometry.intersection(u)),
                                     'pairwise_sum': pairs}
    zones, classes = read('zones'), read('classes')
    cells = {}
    for _, z in zones.iterrows():
        za = area(z.geometry)
        for cls, group in classes.groupby('CLASS'):
            a = area(z.geometry.intersection(unary_union(list(group.geometry))))
            if a > 0:
                cells['%s/%s' % (z['ZONE'], cls)] = {'area': a, 'percent': 100 * a / za}
        cells['%s/zone' % z['ZONE']] = {'area': za}
    out['tabulate'] = cells
    ov = gpd.overlay(targets, cover, how='intersection', keep_geom_type=True)
    ov = ov[[area(g) > 0 for g in ov.geometry]]
    out['overlay_intersection'] = {'features': len(ov), 'area': sum(area(g) for g in ov.geometry)}
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == '__main__':
    main()
