#!/usr/bin/python3
"""Independent oracle for the indicator checks of samples/huichang/indicators.toml.

Recomputes each figure `redline check` reports on the sample with GeoPandas/shapely overlays
and pyproj geodesic areas (Karney, GRS80 = the CGCS2000 ellipsoid), and prints JSON:
  redline_2024_area, redline_area         sums of feature areas (ha)
  redline_share_of_county                 area(county ∩ union(redline)) / area(county) (%)
  redline_reclassified                    area(redline ∩ redline_2024) where HXLX differs (ha)
  reserves_area, reserves_2024_area       (ha)
  reserves_lost                           union(reserves) - union(reserves_2024) (ha)
  reserves_type_changed                   intersection where BHDLX differs (ha)
  reserves_core_to_buffer                 intersection where GNFQ 核心区 -> 缓冲区 (ha)
  mines_restored_mu                       features with XFZT = 已修复 (亩)
  shoreline_protected_percent             GNFQ in (岸线保护区, 岸线保留区) / all (%)
  wetland_protected_percent               area(wetlands ∩ union(reserves)) / area(wetlands) (%)
  redline_2024_cut_lost                   union(redline) - union(redline_2024_cut) (ha), and by BSM
  redline_2024_cut_gained                 union(redline_2024_cut) - union(redline) (ha)
Usage: /usr/bin/python3 tests/oracles/drift_checks_oracle.py samples/huichang/huichang.gpkg
"""
import json
import sys
import warnings

import geopandas as gpd
from pyproj import CRS, Geod, Transformer
from shapely.ops import transform, unary_union

warnings.filterwarnings('ignore')
gpkg = sys.argv[1]
L = {n: gpd.read_file(gpkg, layer=n) for n in
     ('county', 'redline', 'redline_2024', 'redline_2024_cut', 'reserves', 'reserves_2024', 'mines',
      'shoreline', 'wetlands')}
crs = CRS.from_user_input(L['county'].crs)
to_geo = Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
geod = Geod(ellps='GRS80')


def area(g):
    if g is None or g.is_empty:
        return 0.0
    return abs(geod.geometry_area_perimeter(transform(to_geo.transform, g))[0])


def total(df):
    return sum(area(g) for g in df.geometry)


def changed(before, after, field, pair=None):
    inter = gpd.overlay(before[[field, 'geometry']], after[[field, 'geometry']], how='intersection')
    m2 = 0.0
    for f, t, g in zip(inter[field + '_1'], inter[field + '_2'], inter.geometry):
        if f != t and (pair is None or (f, t) == pair):
            m2 += area(g)
    return m2


ha = 1e4
out = {}
out['redline_area'] = total(L['redline']) / ha
out['redline_2024_area'] = total(L['redline_2024']) / ha
county = unary_union(list(L['county'].geometry))
out['redline_share_of_county'] = 100 * area(county.intersection(unary_union(list(L['redline'].geometry)))) / area(county)
out['redline_reclassified'] = changed(L['redline'], L['redline_2024'], 'HXLX') / ha
out['reserves_area'] = total(L['reserves']) / ha
out['reserves_2024_area'] = total(L['reserves_2024']) / ha
out['reserves_lost'] = area(unary_union(list(L['reserves'].geometry)).difference(
    unary_union(list(L['reserves_2024'].geometry)))) / ha
out['reserves_type_changed'] = changed(L['reserves'], L['reserves_2024'], 'BHDLX') / ha
out['reserves_core_to_buffer'] = changed(L['reserves'], L['reserves_2024'], 'GNFQ', ('核心区', '缓冲区')) / ha
mines = L['mines']
out['mines_restored_mu'] = total(mines[mines['XFZT'] == '已修复']) * 15 / ha
shore = L['shoreline']
out['shoreline_protected_percent'] = 100 * total(shore[shore['GNFQ'].isin(['岸线保护区', '岸线保留区'])]) / total(shore)
wet = unary_union(list(L['wetlands'].geometry))
out['wetland_protected_percent'] = 100 * area(wet.intersection(unary_union(list(L['reserves'].geometry)))) / area(wet)
cut_after = unary_union(list(L['redline_2024_cut'].geometry))
out['redline_2024_cut_area'] = total(L['redline_2024_cut']) / ha
out['redline_2024_cut_lost'] = area(unary_union(list(L['redline'].geometry)).difference(cut_after)) / ha
out['redline_2024_cut_gained'] = area(cut_after.difference(unary_union(list(L['redline'].geometry)))) / ha
out['redline_2024_cut_lost_by_bsm'] = {
    bsm: round(area(g.difference(cut_after)) / ha, 4)
    for bsm, g in zip(L['redline']['BSM'], L['redline'].geometry) if area(g.difference(cut_after)) > 1e4}
json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
print()
