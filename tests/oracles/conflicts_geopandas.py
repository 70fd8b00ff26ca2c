#!/usr/bin/python3
"""Independent oracle for redline's conflict search (find_overlaps, find_gaps and the checks
no-overlap, max-inside, no-gaps): GeoPandas/shapely overlays in the layers' CRS, geodesic areas
with pyproj.Geod on the CGCS2000 ellipsoid (GRS80), as ST_Area(geography) does.

A piece is a sliver, as in redline/overlay/sliver.h, when a negative buffer of half the sliver
width (5 cm) empties it; slivers are left out of the lists and the totals.

Computes on the Huichang sample (EPSG:4527):
  - redline x reserves and redline x mines: each pair (FID, FID) whose interiors share an area,
    its area, and the area of the union of the pieces;
  - parcels x parcels (self-overlaps): the pairs;
  - county - union(parcels) and county - union(redline): the gaps inside the county.
  - max-inside: the mines' area inside the red line (union), per mine and in total.

Usage: /usr/bin/python3 tests/oracles/conflicts_geopandas.py [samples/huichang/huichang.gpkg]
Prints JSON (areas in ha).
"""
import json
import sys
import warnings

import geopandas as gpd
from shapely.ops import unary_union

sys.path.insert(0, __import__('os').path.dirname(__file__))
from overlay_geopandas import area_m2  # noqa: E402  (Geod on GRS80, rings oriented)

warnings.filterwarnings('ignore')
SLIVER = 0.05


def polygonal(g):
    if g is None or g.is_empty:
        return None
    if g.geom_type in ('Polygon', 'MultiPolygon'):
        return g
    parts = [p for p in getattr(g, 'geoms', []) if p.geom_type in ('Polygon', 'MultiPolygon')]
    return unary_union(parts) if parts else None


def is_sliver(g):
    return g.buffer(-SLIVER / 2, 2).is_empty


def fids(path, layer):
    df = gpd.read_file(path, layer=layer)
    # GeoPandas reads GeoPackage features in FID order; redline names features by FID (1-based).
    df['fid'] = range(1, len(df) + 1)
    return df


def pairs(a, b, same):
    out, pieces = [], []
    idx = b.sindex
    for i, ga in zip(a['fid'], a.geometry):
        for j in idx.query(ga):
            jb = int(b['fid'].iloc[j])
            if same and jb <= i:
                continue
            gb = b.geometry.iloc[j]
            piece = polygonal(ga.intersection(gb))
            if piece is None or piece.area <= 0:
                continue
            if is_sliver(piece):
                continue
            out.append({'first': int(i), 'second': jb, 'area_ha': area_m2(piece) / 1e4})
            pieces.append(piece)
    return {'pairs': out, 'total_ha': area_m2(unary_union(pieces)) / 1e4 if pieces else 0.0}


def main(path):
    redline = fids(path, 'redline')
    out = {}
    for layer in ('reserves', 'mines'):
        out['redline_x_' + layer] = pairs(redline, fids(path, layer), False)
    parcels = fids(path, 'parcels')
    out['parcels_self'] = pairs(parcels, parcels, True)
    county = gpd.read_file(path, layer='county').geometry
    cover = unary_union(list(redline.geometry))
    for name, layer in (('parcel_gaps_in_county', parcels), ('redline_gaps_in_county', redline)):
        gap = polygonal(unary_union(list(county)).difference(unary_union(list(layer.geometry))))
        gaps = []
        if gap is not None:
            for p in getattr(gap, 'geoms', [gap]):
                if not is_sliver(p):
                    gaps.append(area_m2(p) / 1e4)
        gaps.sort(reverse=True)
        out[name] = {'count': len(gaps), 'total_ha': sum(gaps), 'largest_ha': gaps[:3]}
    mines = fids(path, 'mines')
    inside = [(int(f), area_m2(polygonal(g.intersection(cover))) / 1e4 if polygonal(g.intersection(cover)) else 0.0,
               area_m2(g) / 1e4) for f, g in zip(mines['fid'], mines.geometry)]
    out['mines_inside_redline'] = {'features': [{'fid': f, 'inside_ha': i, 'area_ha': a} for f, i, a in inside if i > 0],
                                   'inside_ha': sum(i for _, i, _ in inside),
                                   'area_ha': sum(a for _, _, a in inside)}
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'samples/huichang/huichang.gpkg')
