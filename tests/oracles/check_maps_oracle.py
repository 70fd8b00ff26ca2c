#!/usr/bin/python3
"""Where the sample's failing checks fail, for the check map tests (tests/report/check_maps_test.cpp,
tests/checks/check_geometries_test.cpp), computed with GeoPandas/shapely alone.

Usage: /usr/bin/python3 tests/oracles/check_maps_oracle.py samples/huichang/huichang.gpkg
Prints, in EPSG:4527 metres (planar areas in m², lengths in m):
  point KIND NAME X Y   a point well inside a piece (representative_point of the piece shrunk by
                        20 m, so that a map pixel there is the piece's fill):
    removed   the red line's features only in `redline` (lost, 2023 -> 2024), by BSM
    added     the features only in `redline_2024` (gained), by BSM
    reclass   redline ∩ redline_2024 where HXLX differs (nature-unchanged), by the pair of BSMs
    outside   wetlands - union(reserves) (min-share: wetlands in reserves), the largest pieces
    inside    wetlands ∩ union(reserves), the largest piece
    overlap   redline ∩ farmland (no-overlap), the largest pieces
    plain     a red-line feature (2024) that is neither added nor reclassified: fails nothing
  figure NAME VALUE     removed_m2 (the two removed features' area), reclass_m2 (the
                        reclassified area), wetlands_outside_m2, wetlands_inside_m2,
                        shoreline_uncounted (features whose GNFQ is in neither protected zone),
                        shoreline_counted, line_outside_m (the length of shoreline_line not in the
                        interior of union(redline), what runs along its boundary included: the
                        length outside union(redline) shrunk by 2 mm)
"""
import sys
import warnings

import geopandas as gpd
from shapely.ops import unary_union

warnings.filterwarnings('ignore')
path = sys.argv[1]
L = {n: gpd.read_file(path, layer=n) for n in
     ('redline', 'redline_2024', 'wetlands', 'reserves', 'farmland', 'shoreline', 'shoreline_line')}


def point(kind, name, geom):
    inner = geom.buffer(-20)
    p = (inner if not inner.is_empty else geom).representative_point()
    print(f'point {kind} {name} {p.x:.1f} {p.y:.1f}')


before, after = L['redline'], L['redline_2024']
removed = before[~before.BSM.isin(after.BSM)]
added = after[~after.BSM.isin(before.BSM)]
for _, row in removed.iterrows():
    point('removed', row.BSM, row.geometry)
for _, row in added.iterrows():
    point('added', row.BSM, row.geometry)
print(f'figure removed_m2 {removed.geometry.area.sum():.3f}')

pairs = gpd.overlay(before[['BSM', 'HXLX', 'geometry']], after[['BSM', 'HXLX', 'geometry']], how='intersection')
changed = pairs[pairs.HXLX_1 != pairs.HXLX_2]
changed = changed[changed.geometry.area > 1.0]
for _, row in changed.iterrows():
    point('reclass', f'{row.BSM_1}-{row.BSM_2}', row.geometry)
print(f'figure reclass_m2 {changed.geometry.area.sum():.3f}')

reserves = unary_union(L['reserves'].geometry)
wet = L['wetlands']
outside = [g.difference(reserves) for g in wet.geometry]
inside = [g.intersection(reserves) for g in wet.geometry]
for fid, g in sorted(zip(wet.index + 1, outside), key=lambda x: -x[1].area)[:3]:
    point('outside', fid, g)
for fid, g in sorted(zip(wet.index + 1, inside), key=lambda x: -x[1].area)[:1]:
    point('inside', fid, g)
print(f'figure wetlands_outside_m2 {sum(g.area for g in outside):.3f}')
print(f'figure wetlands_inside_m2 {sum(g.area for g in inside):.3f}')

farm = L['farmland']
overlaps = gpd.overlay(before[['BSM', 'geometry']], farm[['BSM', 'geometry']], how='intersection')
overlaps = overlaps[overlaps.geometry.area > 1.0]
overlaps = overlaps.iloc[(-overlaps.geometry.area).argsort()]
for _, row in overlaps.head(2).iterrows():
    point('overlap', f'{row.BSM_1}x{row.BSM_2}', row.geometry)

touched = set(added.BSM) | set(changed.BSM_2)
farm_union = unary_union(farm.geometry)
for _, row in after.iterrows():
    if row.BSM not in touched and not row.geometry.intersects(farm_union) and row.geometry.area > 5e6:
        point('plain', row.BSM, row.geometry)
        break

zones = ('岸线保护区', '岸线保留区')
shore = L['shoreline']
print(f'figure shoreline_counted {int(shore.GNFQ.isin(zones).sum())}')
print(f'figure shoreline_uncounted {int((~shore.GNFQ.isin(zones)).sum())}')
redline = unary_union(before.geometry)
interior = redline.buffer(-0.002)
print(f'figure line_outside_m {sum(g.length - g.intersection(interior).length for g in L["shoreline_line"].geometry):.3f}')
