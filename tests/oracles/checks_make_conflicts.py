#!/usr/bin/python3
"""Makes tests/data/checks/conflicts.gpkg, the hand-made layers of the conflict checks
(no-overlap, max-inside, no-gaps; tests/checks/conflict_checks_test.cpp, tests/cli/...), and
prints the oracle's figures: shapely overlays, geodesic areas with pyproj.Geod on GRS80
(tests/oracles/overlay_geopandas.py's area_m2), slivers (thinner than 5 cm) left out.

Layers, in EPSG:4527 (zone 39, easting with its prefix), boxes in metres from (39500000,
3000000), each with a text key BSM, FIDs from 1:
  redline:     R1 (0,0)-(1000,1000), R2 (2000,0)-(3000,1000), R3 (900,900)-(1200,1200)
               (R3 overlaps R1 in 100 x 100 m)
  farmland:    F1 (500,500)-(1500,700): 500 x 200 m inside R1; F2 (2900,900)-(3100,1100):
               100 x 100 m inside R2; F3 (1000,0)-(2000,500): touches R1 and R2 only;
               F4 (2999.99,0)-(3500,500): a 1 cm x 500 m sliver inside R2
  development: D1 (0,2000)-(500,2500): apart from everything
  mines:       M1 (950,950)-(1050,1050): wholly inside R1 u R3; M2 (5000,0)-(5100,100): outside
  county:      (-100,-100)-(3200,1300)
  cover:       C1 (-100,-100)-(1600,1300), C2 (1610,-100)-(3200,1300): a 10 m gap between them
  cover_full:  C1, C2' (1600,-100)-(3200,1300): no gap

Usage: /usr/bin/python3 tests/oracles/checks_make_conflicts.py [tests/data/checks/conflicts.gpkg]
"""
import json
import os
import sys

import geopandas as gpd
from shapely.geometry import box
from shapely.ops import unary_union

sys.path.insert(0, os.path.dirname(__file__))
from overlay_geopandas import area_m2  # noqa: E402

X0, Y0 = 39500000.0, 3000000.0
SLIVER = 0.05


def b(x0, y0, x1, y1):
    return box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


LAYERS = {
    'redline': [('R1', b(0, 0, 1000, 1000)), ('R2', b(2000, 0, 3000, 1000)), ('R3', b(900, 900, 1200, 1200))],
    'farmland': [('F1', b(500, 500, 1500, 700)), ('F2', b(2900, 900, 3100, 1100)), ('F3', b(1000, 0, 2000, 500)),
                 ('F4', b(2999.99, 0, 3500, 500))],
    'development': [('D1', b(0, 2000, 500, 2500))],
    'mines': [('M1', b(950, 950, 1050, 1050)), ('M2', b(5000, 0, 5100, 100))],
    'county': [('HC', b(-100, -100, 3200, 1300))],
    'cover': [('C1', b(-100, -100, 1600, 1300)), ('C2', b(1610, -100, 3200, 1300))],
    'cover_full': [('C1', b(-100, -100, 1600, 1300)), ('C2', b(1600, -100, 3200, 1300))],
}


def solid(g):
    return g is not None and not g.is_empty and g.area > 0 and not g.buffer(-SLIVER / 2, 2).is_empty


def pairs(a, c, same):
    out, pieces = [], []
    for i, (ka, ga) in enumerate(a):
        for j, (kc, gc) in enumerate(c):
            if same and j <= i:
                continue
            p = ga.intersection(gc)
            if solid(p):
                out.append({'first': ka, 'second': kc, 'ha': area_m2(p) / 1e4})
                pieces.append(p)
    return {'pairs': out, 'union_ha': area_m2(unary_union(pieces)) / 1e4 if pieces else 0.0}


def main(path):
    if os.path.exists(path):
        os.remove(path)
    for name, features in LAYERS.items():
        gdf = gpd.GeoDataFrame({'BSM': [k for k, _ in features]}, geometry=[g for _, g in features], crs='EPSG:4527')
        gdf.to_file(path, layer=name, driver='GPKG')
    L = LAYERS
    out = {
        'redline_x_farmland': pairs(L['redline'], L['farmland'], False),
        'redline_x_development': pairs(L['redline'], L['development'], False),
        'redline_self': pairs(L['redline'], L['redline'], True),
    }
    cover = unary_union([g for _, g in L['redline']])
    mines = [(k, area_m2(g.intersection(cover)) / 1e4, area_m2(g) / 1e4) for k, g in L['mines']]
    out['mines_inside_redline'] = {'features': mines, 'inside_ha': sum(m[1] for m in mines),
                                   'percent': 100 * sum(m[1] for m in mines) / sum(m[2] for m in mines)}
    county = L['county'][0][1]
    for name in ('cover', 'cover_full'):
        gap = county.difference(unary_union([g for _, g in L[name]]))
        parts = [p for p in getattr(gap, 'geoms', [gap]) if solid(p)]
        out[name + '_gaps'] = {'count': len(parts), 'ha': sum(area_m2(p) for p in parts) / 1e4}
    print(json.dumps(out, indent=1))


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'tests/data/checks/conflicts.gpkg')
