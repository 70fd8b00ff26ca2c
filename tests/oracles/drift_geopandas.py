#!/usr/bin/python3
"""Independent oracle for `redline drift`: GeoPandas overlays + pyproj geodesic areas.

Computes, for two versions of a polygon layer in a projected CRS:
  before, after      sums of feature areas
  gained, lost       each AFTER feature minus the union of BEFORE (shapely unary_union and
                     difference), and the reverse, exploded into pieces: a piece belongs to one
                     feature, as in redline (a sliver along a kept neighbour of a removed
                     feature is its own piece, not part of the removed feature's piece).
                     Not geopandas.overlay(how='difference'):
                     it subtracts the neighbours one at a time, and each intermediate floating-
                     point result loses some of the sub-millimetre slivers a 1 mm re-export
                     makes (0.015 m² of 0.65 m² on tests/data/drift/versions.gpkg); its figure
                     is printed too, as gained_overlay / lost_overlay
  *_noise            the pieces smaller than --sliver-area m² or erased by a negative buffer of
                     half --sliver-width (no disk of that diameter fits): the noise rule of
                     redline/drift/drift.h, implemented here with shapely
  reclassified       geopandas.overlay(before, after, how='intersection') where the class field
                     differs, by (from, to), split the same way into real and noise
  features           with --key: matched / added / removed, and modified (a matched pair whose
                     pairwise differences hold a real piece, or whose attributes differ)
Areas are geodesic (Karney, pyproj.Geod) on the GRS80 / CGCS2000 ellipsoid after taking every
vertex to longitude/latitude with pyproj; figures are printed as JSON in hectares.

Usage:
  /usr/bin/python3 tests/oracles/drift_geopandas.py BEFORE.gpkg:LAYER AFTER.gpkg:LAYER \
      [--key BSM] [--class-field HXLX] [--sliver-width 0.5] [--sliver-area 1]

Needs Debian's python3-geopandas, python3-shapely, python3-pyproj, python3-rtree.
"""
import argparse
import json
import sys
import warnings

import geopandas as gpd
from pyproj import CRS, Geod, Transformer
from shapely.geometry import MultiPolygon, Polygon
from shapely.ops import transform, unary_union

warnings.filterwarnings('ignore')


def read(spec):
    path, _, layer = spec.partition(':')
    return gpd.read_file(path, layer=layer) if layer else gpd.read_file(path)


def polygons(g):
    if g is None or g.is_empty:
        return []
    if isinstance(g, Polygon):
        return [g]
    if isinstance(g, MultiPolygon):
        return list(g.geoms)
    return [p for p in getattr(g, 'geoms', []) if isinstance(p, (Polygon, MultiPolygon))
            for p in polygons(p)]


class Measure:
    def __init__(self, crs, sliver_width, sliver_area):
        crs = CRS.from_user_input(crs)
        self.geod = Geod(ellps='GRS80')
        self.to_geo = Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
        self.width = sliver_width
        self.min_area = sliver_area

    def area(self, g):
        if g is None or g.is_empty:
            return 0.0
        lonlat = transform(self.to_geo.transform, g)
        return abs(self.geod.geometry_area_perimeter(lonlat)[0])

    def split(self, g):
        """Returns (real m², noise m², real piece count) of the polygons of g."""
        real = noise = 0.0
        pieces = 0
        for p in polygons(g):
            a = self.area(p)
            if a <= 0:
                continue
            if a < self.min_area or p.buffer(-self.width / 2).is_empty:
                noise += a
            else:
                real += a
                pieces += 1
        return real, noise, pieces


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('before')
    ap.add_argument('after')
    ap.add_argument('--key')
    ap.add_argument('--class-field')
    ap.add_argument('--sliver-width', type=float, default=0.5)
    ap.add_argument('--sliver-area', type=float, default=1.0)
    a = ap.parse_args()
    before, after = read(a.before), read(a.after)
    m = Measure(before.crs, a.sliver_width, a.sliver_area)
    ha = 1e4
    out = {'before': sum(m.area(g) for g in before.geometry) / ha,
           'after': sum(m.area(g) for g in after.geometry) / ha}

    union = {'before': unary_union(list(before.geometry)), 'after': unary_union(list(after.geometry))}
    for name, one, other in (('gained', 'after', 'before'), ('lost', 'before', 'after')):
        real = noise = 0.0
        pieces = 0
        for g in {'before': before, 'after': after}[one].geometry:
            r, n, p = m.split(g.difference(union[other]))
            real, noise, pieces = real + r, noise + n, pieces + p
        out[name] = (real + noise) / ha
        out[name + '_noise'] = noise / ha
        out[name + '_pieces'] = pieces
        frames = {'before': before, 'after': after}
        diff = gpd.overlay(frames[one], frames[other], how='difference', keep_geom_type=True)
        out[name + '_overlay'] = sum(m.area(g) for g in diff.geometry) / ha

    if a.class_field:
        c = a.class_field
        inter = gpd.overlay(before[[c, 'geometry']], after[[c, 'geometry']], how='intersection',
                            keep_geom_type=True)
        table = {}
        for f, t, g in zip(inter[c + '_1'], inter[c + '_2'], inter.geometry):
            if f == t:
                continue
            r, n, _ = m.split(g)
            e = table.setdefault((f or '', t or ''), [0.0, 0.0])
            e[0] += r
            e[1] += n
        out['reclassified'] = [{'from': f, 'to': t, 'area': v[0] / ha, 'noise': v[1] / ha}
                               for (f, t), v in sorted(table.items())]

    if a.key:
        k = a.key
        b_by = {v: i for i, v in enumerate(before[k])}
        a_by = {v: i for i, v in enumerate(after[k])}
        common = [v for v in before[k] if v in a_by]
        fields = [f for f in before.columns if f in after.columns and f not in (k, 'geometry')]
        modified = {'geometry': 0, 'attributes': 0, 'both': 0}
        for v in common:
            gb = before.geometry.iloc[b_by[v]]
            ga = after.geometry.iloc[a_by[v]]
            geom = m.split(ga.difference(gb))[0] > 0 or m.split(gb.difference(ga))[0] > 0
            attrs = any(str(before[f].iloc[b_by[v]]) != str(after[f].iloc[a_by[v]]) for f in fields)
            if geom and attrs:
                modified['both'] += 1
            elif geom:
                modified['geometry'] += 1
            elif attrs:
                modified['attributes'] += 1
        out['features'] = {'matched': len(common),
                           'added': sum(1 for v in after[k] if v not in b_by),
                           'removed': sum(1 for v in before[k] if v not in a_by),
                           'modified': sum(modified.values()),
                           'modified_geometry': modified['geometry'],
                           'modified_attributes': modified['attributes'],
                           'modified_both': modified['both']}
    json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
    print()


if __name__ == '__main__':
    main()
