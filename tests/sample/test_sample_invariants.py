#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Invariants of the committed sample county (samples/huichang).

Usage: /usr/bin/python3 tests/sample/test_sample_invariants.py [REPO_ROOT]

An oracle independent of redline itself: areas are geodesic (pyproj's Karney implementation on
the CGCS2000 ellipsoid), topology is checked with shapely/GEOS.  Exits 0 when every check
passes; prints one line per check and ends with "N passed, M failed".
"""

import os
import sys
import traceback
import warnings

warnings.filterwarnings('ignore')

import numpy as np
from osgeo import gdal, ogr, osr
from pyproj import Geod, Transformer
from shapely import wkb
from shapely.ops import unary_union
from shapely.prepared import prep

gdal.UseExceptions()
ogr.UseExceptions()

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                       os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
SAMPLE = os.path.join(ROOT, 'samples', 'huichang')
GPKG = os.path.join(SAMPLE, 'huichang.gpkg')
SHP = os.path.join(SAMPLE, 'shp')

MU_M2 = 10000.0 / 15.0
RESERVE_NAMES = {'湘江源省级自然保护区', '蔡坊省级自然保护区', '会昌山国家森林公园',
                 '湘江国家湿地公园', '汉仙岩国家级风景名胜区'}
FIELDS = {
    'county': ['XZQDM', 'XZQMC'],
    'parcels': ['BSM', 'DLBM', 'DLMC'],
    'redline': ['BSM', 'HXMC', 'HXLX'],
    'redline_2024': ['BSM', 'HXMC', 'HXLX'],
    'redline_2024_cut': ['BSM', 'HXMC', 'HXLX'],
    'reserves': ['BSM', 'BHDMC', 'BHDLX', 'JB', 'GNFQ'],
    'reserves_2024': ['BSM', 'BHDMC', 'BHDLX', 'JB', 'GNFQ'],
    'mines': ['BSM', 'KSMC', 'XFND', 'XFZT'],
    'shoreline': ['BSM', 'HLMC', 'GNFQ'],
    'shoreline_line': ['BSM', 'HLMC', 'GNFQ'],
    'wetlands': ['BSM', 'SDMC', 'SDLX'],
    'farmland': ['BSM', 'TBBH', 'DLBM', 'DLMC', 'ZLDJ', 'TBMJ'],
    'urban': ['BSM', 'MC', 'GNFQ'],
}
LINE_LAYERS = {'shoreline_line'}
HXLX = {'水源涵养', '水土保持', '生物多样性维护'}
SHORE_ZONES = {'岸线保护区', '岸线保留区', '岸线控制利用区', '岸线开发利用区'}
SDLX = {'河流湿地', '湖泊湿地', '沼泽湿地', '人工湿地'}

TO_GEO = Transformer.from_crs(4527, 4490, always_xy=True)
GEOD = Geod(a=6378137.0, rf=298.257222101)

results = []


def check(name):
    def deco(fn):
        try:
            msg = fn()
            results.append((True, name, msg or ''))
        except AssertionError as e:
            results.append((False, name, str(e)))
        except Exception:
            results.append((False, name, traceback.format_exc().strip().splitlines()[-1]))
        return fn
    return deco


def read(path, layer=None):
    """[(shapely geometry, {field: value})] of a layer, in file order."""
    ds = ogr.Open(path)
    lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
    assert lyr is not None, '%s: no layer %s' % (path, layer)
    defn = lyr.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    out = []
    for f in lyr:
        g = f.GetGeometryRef()
        geom = wkb.loads(bytes(g.ExportToWkb())) if g is not None else None
        # NULL and '' are the same thing in a DBF: read both as ''
        out.append((geom, {n: ('' if f.GetField(n) is None else f.GetField(n)) for n in names}))
    return out


def geodesic_ha(g):
    total = 0.0
    polys = [g] if g.geom_type == 'Polygon' else list(g.geoms)
    for p in polys:
        for k, ring in enumerate([p.exterior] + list(p.interiors)):
            a = np.asarray(ring.coords)
            lon, lat = TO_GEO.transform(a[:, 0], a[:, 1])
            area, _ = GEOD.polygon_area_perimeter(lon, lat)
            total += abs(area) if k == 0 else -abs(area)
    return total / 1e4


if not os.path.exists(GPKG):
    print('FAIL: %s does not exist' % GPKG)
    print('0 passed, 1 failed')
    sys.exit(1)

G = {name: read(GPKG, name) for name in FIELDS}


@check('every layer is in the GeoPackage and as a shapefile with .shx .dbf .prj .cpg')
def _files():
    ds = ogr.Open(GPKG)
    have = {ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())}
    missing = set(FIELDS) - have
    assert not missing, 'layers missing from the GeoPackage: %s' % sorted(missing)
    for name in FIELDS:
        for ext in ('.shp', '.shx', '.dbf', '.prj', '.cpg'):
            p = os.path.join(SHP, name + ext)
            assert os.path.exists(p), 'missing %s' % p


@check('every layer has the documented fields, in both formats')
def _fields():
    for name, want in FIELDS.items():
        for path, lname in ((GPKG, name), (os.path.join(SHP, name + '.shp'), None)):
            ds = ogr.Open(path)
            lyr = ds.GetLayerByName(lname) if lname else ds.GetLayer(0)
            d = lyr.GetLayerDefn()
            got = [d.GetFieldDefn(i).GetName() for i in range(d.GetFieldCount())]
            assert got == want, '%s %s: fields %s, expected %s' % (path, name, got, want)


@check('every layer is in EPSG:4527 (GeoPackage and .prj)')
def _crs():
    ref = osr.SpatialReference()
    ref.ImportFromEPSG(4527)
    for name in FIELDS:
        for path, lname in ((GPKG, name), (os.path.join(SHP, name + '.shp'), None)):
            ds = ogr.Open(path)
            lyr = ds.GetLayerByName(lname) if lname else ds.GetLayer(0)
            srs = lyr.GetSpatialRef()
            assert srs is not None, '%s %s: no CRS' % (path, name)
            ok = srs.IsSame(ref, ['IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES',
                                  'CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS'])
            if not ok:
                m = srs.FindMatches()
                ok = bool(m) and m[0][1] >= 90 and m[0][0].GetAuthorityCode(None) == '4527'
            assert ok, '%s %s: CRS is not EPSG:4527' % (path, name)
            minx, maxx, miny, maxy = lyr.GetExtent()
            assert 39e6 < minx < maxx < 40e6, '%s %s: eastings not zone-39 prefixed' % (path, name)


@check('Chinese attributes read back identically from the GeoPackage and the GBK shapefiles')
def _chinese():
    for name in FIELDS:
        base = os.path.join(SHP, name)
        with open(base + '.cpg', encoding='ascii') as f:
            cpg = f.read().strip().upper()
        assert cpg in ('GBK', '936', 'CP936'), '%s.cpg says %r' % (base, cpg)
        with open(base + '.dbf', 'rb') as f:
            f.seek(29)
            ldid = f.read(1)[0]
        assert ldid in (77, 122), '%s.dbf: language driver id %d, not CP936' % (base, ldid)
        S = read(base + '.shp')
        assert len(S) == len(G[name]), '%s: %d features in shp, %d in gpkg' % (name, len(S), len(G[name]))
        for (g1, a1), (g2, a2) in zip(G[name], S):
            assert a1 == a2, '%s: attributes differ: %r vs %r' % (name, a1, a2)
    c = G['county'][0][1]
    assert c['XZQMC'] == '会昌县' and c['XZQDM'] == '360733', 'county attributes %r' % c
    # and the bytes in the DBF really are GBK
    raw = open(os.path.join(SHP, 'county.dbf'), 'rb').read()
    assert '会昌县'.encode('gbk') in raw, 'county.dbf does not hold GBK text'


@check('geometries are valid polygons (lines for shoreline_line), none empty')
def _valid():
    bad = []
    for name, feats in G.items():
        for g, a in feats:
            if g is None or g.is_empty:
                bad.append('%s %s empty' % (name, a.get('BSM')))
                continue
            want = ('LineString', 'MultiLineString') if name in LINE_LAYERS else ('Polygon', 'MultiPolygon')
            if g.geom_type not in want:
                bad.append('%s %s is %s' % (name, a.get('BSM'), g.geom_type))
            elif not g.is_valid:
                bad.append('%s %s invalid' % (name, a.get('BSM')))
    assert not bad, '%d bad: %s' % (len(bad), bad[:5])


county = G['county'][0][0]
county_ha = geodesic_ha(county)
parcels = [g for g, _ in G['parcels']]


@check('the county boundary is the real one (geodesic area about 2710.6 km2)')
def _county():
    assert len(G['county']) == 1
    assert abs(county_ha - 271060) < 100, 'county area %.2f ha' % county_ha
    return '%.2f ha' % county_ha


@check('parcels cover the county without gaps or overlaps above 1 m2')
def _coverage():
    u = unary_union(parcels)
    overlap = sum(g.area for g in parcels) - u.area
    gap = county.difference(u).area
    outside = u.difference(county).area
    assert overlap < 1.0, 'overlaps total %.3f m2' % overlap
    assert gap < 1.0, 'gaps total %.3f m2' % gap
    assert outside < 1.0, 'parcels reach %.3f m2 outside the county' % outside
    return 'overlap %.2e m2, gap %.2e m2, outside %.2e m2' % (overlap, gap, outside)


@check('parcels: unique BSM, 三调 codes, forest dominant, 25-40 vertices typical')
def _parcels():
    bsm = [a['BSM'] for _, a in G['parcels']]
    assert len(set(bsm)) == len(bsm), 'duplicate BSM'
    assert 2000 <= len(bsm) <= 5000, '%d parcels' % len(bsm)
    area = {}
    for g, a in G['parcels']:
        assert len(a['DLBM']) == 4 and a['DLBM'].isdigit(), 'DLBM %r' % a['DLBM']
        area[a['DLBM']] = area.get(a['DLBM'], 0.0) + g.area
    names = {}
    for _, a in G['parcels']:
        names.setdefault(a['DLBM'], set()).add(a['DLMC'])
    assert all(len(v) == 1 for v in names.values()), 'a DLBM with several DLMC'
    assert names.get('0301') == {'乔木林地'}, '0301 is %r' % names.get('0301')
    assert max(area, key=area.get) == '0301', 'the most common land use is %s' % max(area, key=area.get)
    tot = sum(area.values())
    forest = sum(v for k, v in area.items() if k.startswith('03')) / tot
    assert 0.6 < forest < 0.8, 'forest share %.3f' % forest
    nv = [sum(len(p.exterior.coords) for p in (g.geoms if hasattr(g, 'geoms') else [g])) for g in parcels]
    med = float(np.median(nv))
    assert 25 <= med <= 40, 'median vertices per parcel %g' % med
    return 'forest %.1f %%, median %d vertices' % (100 * forest, med)


redline = unary_union([g for g, _ in G['redline']])
redline_ha = sum(geodesic_ha(g) for g, _ in G['redline'])


@check('red line is 27.87 % +- 0.5 points of the county (geodesic)')
def _redline_share():
    share = 100 * redline_ha / county_ha
    assert abs(share - 27.87) <= 0.5, 'red line %.3f %% of the county' % share
    n = len(G['redline'])
    assert 20 <= n <= 500, '%d red line polygons' % n
    assert {a['HXLX'] for _, a in G['redline']} <= HXLX
    return '%.3f %% (%.2f ha, %d polygons)' % (share, redline_ha, n)


@check('red line edges lie on parcel edges (it is a union of whole parcels)')
def _redline_on_parcels():
    rp = prep(redline)
    inside = [g for g in parcels if rp.contains(g.representative_point())]
    diff = unary_union(inside).symmetric_difference(redline).area
    assert diff < 1.0, 'red line differs from its parcels by %.3f m2' % diff


@check('redline_2024: stable BSM, changes, >= baseline; redline_2024_cut below it; 1 mm coordinates')
def _versions():
    base = {a['BSM']: (g, a) for g, a in G['redline']}
    v24 = {a['BSM']: (g, a) for g, a in G['redline_2024']}
    cut = {a['BSM']: (g, a) for g, a in G['redline_2024_cut']}
    common = set(base) & set(v24)
    assert len(common) >= 0.8 * len(base), 'only %d of %d BSM kept' % (len(common), len(base))
    assert set(base) - set(v24), 'nothing removed'
    assert set(v24) - set(base), 'nothing added'
    assert any(base[k][1]['HXLX'] != v24[k][1]['HXLX'] for k in common), 'nothing reclassified'
    a_base = redline_ha
    a24 = sum(geodesic_ha(g) for g, _ in v24.values())
    acut = sum(geodesic_ha(g) for g, _ in cut.values())
    assert a24 >= a_base, 'redline_2024 %.2f ha < baseline %.2f ha' % (a24, a_base)
    assert acut < 0.995 * a_base, 'redline_2024_cut %.2f ha not clearly below %.2f ha' % (acut, a_base)
    assert set(cut) <= set(v24)
    for g, _ in list(v24.values())[:20]:
        c = np.asarray(g.geoms[0].exterior.coords)
        assert np.allclose(c, np.round(c, 3), atol=1e-6, rtol=0), 'coordinates not rounded to 1 mm'
    # unchanged polygons moved by sub-millimetre noise only
    same = [k for k in common if base[k][1]['HXLX'] == v24[k][1]['HXLX']]
    moved = [base[k][0].symmetric_difference(v24[k][0]).area for k in same]
    assert sum(m < 50 for m in moved) >= 0.8 * len(same), 'unchanged polygons moved too much'
    return '%+.2f ha, cut %+.2f ha' % (a24 - a_base, acut - a_base)


@check('reserves carry the five names of domain.md; one is zoned; mostly inside the red line')
def _reserves():
    names = {a['BHDMC'] for _, a in G['reserves']}
    assert names == RESERVE_NAMES, 'reserve names %s' % sorted(names)
    zoned = {}
    for _, a in G['reserves']:
        zoned.setdefault(a['BHDMC'], set()).add(a['GNFQ'] or '')
    assert any({'核心区', '缓冲区', '实验区'} <= z for z in zoned.values()), 'no zoned reserve'
    for _, a in G['reserves']:
        assert a['BHDLX'] in ('自然保护区', '森林公园', '湿地公园', '风景名胜区'), a['BHDLX']
        assert a['JB'] in ('国家级', '省级'), a['JB']
    per = {}
    for g, a in G['reserves']:
        per.setdefault(a['BHDMC'], []).append(g)
    out = []
    for n, gs in sorted(per.items()):
        u = unary_union(gs)
        ha = geodesic_ha(u)
        assert 300 <= ha <= 15000, '%s: %.0f ha' % (n, ha)
        frac = u.intersection(redline).area / u.area
        assert 0.3 <= frac < 0.999, '%s: %.2f inside the red line' % (n, frac)
        out.append('%s %.0f ha' % (n, ha))
    allr = unary_union([g for g, _ in G['reserves']])
    frac = allr.intersection(redline).area / allr.area
    assert 0.5 < frac < 0.99, 'reserves %.2f inside the red line' % frac
    return '; '.join(out)


@check('reserves_2024: a core zone is downgraded and a reserve lost area')
def _reserves_2024():
    def by(feats):
        d = {}
        for g, a in feats:
            d[(a['BHDMC'], a['GNFQ'] or '')] = g
        return d
    a, b = by(G['reserves']), by(G['reserves_2024'])
    core = [k for k in a if k[1] == '核心区']
    assert core and any(b[k].area < a[k].area - 1 for k in core), 'no core zone shrank'
    lost = []
    for name in RESERVE_NAMES:
        ua = sum(g.area for k, g in a.items() if k[0] == name)
        ub = sum(g.area for k, g in b.items() if k[0] == name)
        if ub < ua - 1:
            lost.append(name)
    assert lost, 'no reserve lost area'


@check('mines: about 150 parcels totalling 3416 mu +- 5 %, year and status, a few in the red line')
def _mines():
    feats = G['mines']
    assert 100 <= len(feats) <= 200, '%d mines' % len(feats)
    mu = sum(geodesic_ha(g) for g, _ in feats) * 15
    assert abs(mu - 3416) <= 0.05 * 3416, 'mines total %.2f mu' % mu
    for _, a in feats:
        assert isinstance(a['XFND'], int) and 2019 <= a['XFND'] <= 2025, a['XFND']
        assert a['XFZT'] in ('已修复', '修复中', '未修复'), a['XFZT']
        assert a['KSMC'], 'empty KSMC'
    rp = prep(redline)
    n_in = sum(rp.intersects(g) for g, _ in feats)
    assert 1 <= n_in <= 20, '%d mines touch the red line' % n_in
    u = unary_union([g for g, _ in feats])
    assert abs(u.area - sum(g.area for g, _ in feats)) < 1, 'mines overlap each other'
    return '%.2f mu, %d in the red line' % (mu, n_in)


@check('shoreline: real river names, four zones, protected+reserved around 84.7 %')
def _shoreline():
    feats = G['shoreline']
    rivers = {a['HLMC'] for _, a in feats}
    assert rivers <= {'湘江', '贡水', '绵江', '濂江'} and '湘江' in rivers, rivers
    zones = {a['GNFQ'] for _, a in feats}
    assert zones == SHORE_ZONES, zones
    tot = sum(g.area for g, _ in feats)
    prot = sum(g.area for g, a in feats if a['GNFQ'] in ('岸线保护区', '岸线保留区'))
    share = 100 * prot / tot
    assert 80 <= share <= 90, 'protected+reserved %.1f %%' % share
    u = unary_union([g for g, _ in feats])
    assert abs(u.area - tot) < 1, 'shoreline polygons overlap'
    assert u.difference(county).area < 1, 'shoreline outside the county'
    lines = {a['BSM'] for _, a in G['shoreline_line']}
    assert lines <= {a['BSM'] for _, a in feats}, 'shoreline_line BSM not in shoreline'
    return '%.1f %% of %.1f ha' % (share, tot / 1e4)


@check('wetlands: four types, partly inside protected areas (rate computable, near 61 %)')
def _wetlands():
    feats = G['wetlands']
    assert {a['SDLX'] for _, a in feats} == SDLX, {a['SDLX'] for _, a in feats}
    u = unary_union([g for g, _ in feats])
    assert abs(u.area - sum(g.area for g, _ in feats)) < 1, 'wetland polygons overlap'
    res = unary_union([g for g, _ in G['reserves']])
    total = geodesic_ha(u)
    inside = geodesic_ha(u.intersection(res))
    rate = 100 * inside / total
    assert 3000 <= total <= 7000, 'wetland total %.0f ha' % total
    assert 52 <= rate <= 70, 'wetland inside reserves %.1f %%' % rate
    straddle = sum(1 for g, _ in feats if g.intersects(res) and not g.within(res))
    assert straddle >= 1, 'no wetland straddles a reserve boundary'
    return '%.2f ha, %.1f %% inside reserves' % (total, rate)


# ---- 永久基本农田 (farmland), 城镇开发边界 (urban) and their deliberate conflicts ---------------
# The conflicts are listed in samples/huichang/README.md; their areas here were computed with
# this file's geodesic_ha on the shapely intersections (pairs of features whose intersection has
# a positive area), independently of the generator's own bookkeeping.
FARMLAND_CODES = {'0101': '水田', '0102': '水浇地', '0103': '旱地'}
# farmland BSM: (red line BSM, overlap ha, how)
FARMLAND_IN_REDLINE = {
    '36073371000034': ('36073321000030', 1.400341, 'reaches in'),
    '36073371000082': ('36073321000027', 23.759297, 'whole parcel'),
    '36073371000255': ('36073321000023', 12.810311, 'whole parcel'),
    '36073371000443': ('36073321000048', 3.259909, 'reaches in'),
}
URBAN_IN_REDLINE = {'360733810003': ('36073321000035', 4.000138)}
# (urban BSM, farmland BSM): overlap ha (whole farmland parcels inside the 集中建设区)
URBAN_OVER_FARMLAND = {
    ('360733810001', '36073371000181'): 15.448630,
    ('360733810001', '36073371000189'): 33.301892,
    ('360733810001', '36073371000377'): 1.255333,
}
TBMJ_OFF = {'36073371000052': 0.032, '36073371000355': -0.041, '36073371000576': 0.027}
COUNTY_SEAT_LONLAT = (115.786056, 25.600272)    # 会昌县城 (文武坝镇)
URBAN_ZONES = {'集中建设区', '弹性发展区', '特别用途区'}


def overlaps(A, B, min_ha=0.0):
    """{(BSM of A, BSM of B): geodesic ha} of the pairs whose intersection has area."""
    out = {}
    for ga, a in A:
        pa = prep(ga)
        for gb, b in B:
            if pa.intersects(gb):
                o = ga.intersection(gb)
                if o.area > 0:
                    h = sum(geodesic_ha(q) for q in getattr(o, 'geoms', [o])
                            if q.geom_type in ('Polygon', 'MultiPolygon'))
                    if h > min_ha:
                        out[(a['BSM'], b['BSM'])] = h
    return out


farmland = G['farmland']
urban = G['urban']
parcel_by_bsm = {a['BSM']: (g, a) for g, a in G['parcels']}


@check('farmland: one feature per farmland parcel (TBBH), unique BSM, codes, 质量等别 1-15, inside the county')
def _farmland():
    bsm = [a['BSM'] for _, a in farmland]
    assert len(set(bsm)) == len(bsm), 'duplicate BSM'
    assert all(b.startswith('36073371') for b in bsm), 'BSM prefix'
    tbbh = [a['TBBH'] for _, a in farmland]
    assert len(set(tbbh)) == len(tbbh), 'two features from one parcel'
    for _, a in farmland:
        assert FARMLAND_CODES.get(a['DLBM']) == a['DLMC'], 'DLBM %r DLMC %r' % (a['DLBM'], a['DLMC'])
        assert isinstance(a['ZLDJ'], int) and 1 <= a['ZLDJ'] <= 15, 'ZLDJ %r' % a['ZLDJ']
        assert a['TBBH'] in parcel_by_bsm, 'TBBH %s is no parcel' % a['TBBH']
    u = unary_union([g for g, _ in farmland])
    assert u.difference(county).area < 1.0, 'farmland outside the county'
    assert abs(u.area - sum(g.area for g, _ in farmland)) < 1.0, 'farmland features overlap each other'
    n_farm = sum(1 for _, a in G['parcels'] if a['DLBM'] in FARMLAND_CODES)
    assert 0.6 * n_farm <= len(farmland) <= n_farm, '%d farmland features of %d farmland parcels' % (len(farmland), n_farm)
    return '%d features (%d farmland parcels), %.2f ha' % (len(farmland), n_farm, geodesic_ha(u))


@check('farmland is the farmland parcels\' area, except the conflicts listed')
def _farmland_from_parcels():
    plain, farm_parcels = [], unary_union([g for g, a in G['parcels'] if a['DLBM'] in FARMLAND_CODES])
    for g, a in farmland:
        pg, pa = parcel_by_bsm[a['TBBH']]
        if a['BSM'] in FARMLAND_IN_REDLINE:
            continue
        assert pa['DLBM'] == a['DLBM'], '%s: DLBM %s, its parcel %s' % (a['BSM'], a['DLBM'], pa['DLBM'])
        assert g.symmetric_difference(pg).area < 0.01, '%s is not its parcel %s' % (a['BSM'], a['TBBH'])
        plain.append(g)
    extra = unary_union(plain).difference(farm_parcels).area
    assert extra < 1.0, 'farmland outside the farmland parcels: %.3f m2' % extra
    # the listed ones: the whole-parcel conflicts are red-line parcels of another code
    for b, (_, _, how) in FARMLAND_IN_REDLINE.items():
        g, a = next((g, a) for g, a in farmland if a['BSM'] == b)
        pg, pa = parcel_by_bsm[a['TBBH']]
        if how == 'whole parcel':
            assert pa['DLBM'] not in FARMLAND_CODES and g.symmetric_difference(pg).area < 0.01, b
        else:
            assert pa['DLBM'] == a['DLBM'] and pg.difference(g).area < 0.01 and g.area > pg.area, b


@check('farmland in the red line: exactly the listed features, with their areas (+- 0.01 ha)')
def _farmland_conflicts():
    got = overlaps(farmland, G['redline'])
    want = {(f, r): h for f, (r, h, _) in FARMLAND_IN_REDLINE.items()}
    assert set(got) == set(want), 'pairs %s, expected %s' % (sorted(got), sorted(want))
    for k, h in want.items():
        assert abs(got[k] - h) <= 0.01, '%s: %.6f ha, expected %.6f' % (k, got[k], h)
    return '%d pairs, %.2f ha' % (len(got), sum(got.values()))


def survey_m2(g):
    """The land-survey ellipsoidal area (二调/三调, /work/shared/domain.md) in m2: each ring edge
    in (B, L) adds the ellipsoidal trapezoid to a fixed meridian, series in the first
    eccentricity squared; holes subtracted."""
    a = 6378137.0
    b = a * (1 - 1 / 298.257222101)
    e2 = 1 - (b / a) ** 2
    A = 1 + e2 / 2 + 3 * e2 ** 2 / 8 + 5 * e2 ** 3 / 16 + 35 * e2 ** 4 / 128
    B = e2 / 6 + 3 * e2 ** 2 / 16 + 3 * e2 ** 3 / 16 + 35 * e2 ** 4 / 192
    C = 3 * e2 ** 2 / 80 + e2 ** 3 / 16 + 5 * e2 ** 4 / 64
    D = e2 ** 3 / 112 + 5 * e2 ** 4 / 256
    E = 5 * e2 ** 4 / 2304
    total = 0.0
    for p in (g.geoms if hasattr(g, 'geoms') else [g]):
        for k, ring in enumerate([p.exterior] + list(p.interiors)):
            c = np.asarray(ring.coords)
            lon, lat = TO_GEO.transform(c[:, 0], c[:, 1])
            L, Bd = np.radians(lon), np.radians(lat)
            s = 0.0
            for i in range(len(c) - 1):
                dB, Bm = Bd[i + 1] - Bd[i], (Bd[i + 1] + Bd[i]) / 2
                dL = (L[i + 1] + L[i]) / 2 - np.radians(114.0)   # any fixed meridian
                s += 2 * b * b * dL * (A * np.sin(dB / 2) * np.cos(Bm) - B * np.sin(1.5 * dB) * np.cos(3 * Bm)
                                       + C * np.sin(2.5 * dB) * np.cos(5 * Bm) - D * np.sin(3.5 * dB) * np.cos(7 * Bm)
                                       + E * np.sin(4.5 * dB) * np.cos(9 * Bm))
            total += abs(s) if k == 0 else -abs(s)
    return total


@check('farmland TBMJ: the land-survey area to 0.01 m2 (Karney within 5e-5), 3 off on purpose')
def _tbmj():
    # The survey formula treats edges as straight in (B, L), Karney as geodesics: they part
    # by ~1e-5 on a parcel with a 600 m edge (a lens of 1.4 m2), far less on short edges.
    worst = 0.0
    for g, a in farmland:
        survey, karney = survey_m2(g), geodesic_ha(g) * 1e4
        assert abs(survey / karney - 1) < 5e-5, '%s: survey %.3f m2, Karney %.3f m2' % (a['BSM'], survey, karney)
        rel = a['TBMJ'] / survey - 1
        if a['BSM'] in TBMJ_OFF:
            assert abs(rel - TBMJ_OFF[a['BSM']]) < 1e-4, '%s: TBMJ off by %.5f' % (a['BSM'], rel)
        else:
            worst = max(worst, abs(a['TBMJ'] - survey))
            assert abs(a['TBMJ'] - survey) <= 0.0051, '%s: TBMJ %.2f m2, survey %.4f m2' % (a['BSM'], a['TBMJ'], survey)
        assert round(a['TBMJ'], 2) == a['TBMJ'], 'TBMJ not to 0.01 m2'
    return 'the others within %.4f m2 of the survey area' % worst


@check('urban: four zones at the county seat, inside the county, no overlaps among them')
def _urban():
    assert {a['GNFQ'] for _, a in urban} == URBAN_ZONES, {a['GNFQ'] for _, a in urban}
    assert all(a['BSM'].startswith('36073381') and a['MC'] for _, a in urban)
    u = unary_union([g for g, _ in urban])
    assert u.difference(county).area < 1.0, 'urban outside the county'
    assert abs(u.area - sum(g.area for g, _ in urban)) < 1.0, 'urban features overlap'
    x, y = Transformer.from_crs(4490, 4527, always_xy=True).transform(*COUNTY_SEAT_LONLAT)
    from shapely.geometry import Point
    seat = Point(x, y)
    assert county.contains(seat), 'the county seat is outside the county'
    core = [g for g, a in urban if a['GNFQ'] == '集中建设区' and g.contains(seat)]
    assert core, 'no 集中建设区 holds the county seat'
    assert all(g.distance(seat) < 8000 for g, _ in urban), 'urban far from the seat'
    ha_ = geodesic_ha(u)
    assert 1000 <= ha_ <= 4000, 'urban %.0f ha' % ha_
    return '%.2f ha' % ha_


@check('urban in the red line and over farmland: exactly the listed features (+- 0.01 ha)')
def _urban_conflicts():
    got = overlaps(urban, G['redline'])
    want = {(u, r): h for u, (r, h) in URBAN_IN_REDLINE.items()}
    assert set(got) == set(want), 'red line pairs %s, expected %s' % (sorted(got), sorted(want))
    for k, h in want.items():
        assert abs(got[k] - h) <= 0.01, '%s: %.6f ha, expected %.6f' % (k, got[k], h)
    got = overlaps(urban, farmland)
    assert set(got) == set(URBAN_OVER_FARMLAND), 'farmland pairs %s' % sorted(got)
    for k, h in URBAN_OVER_FARMLAND.items():
        assert abs(got[k] - h) <= 0.01, '%s: %.6f ha, expected %.6f' % (k, got[k], h)
    return '%.2f ha over farmland' % sum(got.values())


@check('shoreline_line: protected+reserved by geodesic length 84.22 % of 192.02 km')
def _shore_length():
    tot = prot = 0.0
    for g, a in G['shoreline_line']:
        for part in (g.geoms if hasattr(g, 'geoms') else [g]):
            c = np.asarray(part.coords)
            lon, lat = TO_GEO.transform(c[:, 0], c[:, 1])
            m = GEOD.line_length(lon, lat)
            tot += m
            if a['GNFQ'] in ('岸线保护区', '岸线保留区'):
                prot += m
    rate = 100 * prot / tot
    assert abs(rate - 84.22) < 0.005 and abs(tot / 1000 - 192.02) < 0.005, '%.4f %% of %.4f km' % (rate, tot / 1000)
    return '%.4f %% of %.3f m' % (rate, tot)


npass = sum(1 for ok, _, _ in results if ok)
nfail = len(results) - npass
for ok, name, msg in results:
    print('%s: %s%s' % ('PASS' if ok else 'FAIL', name, (' -- ' + msg) if msg else ''))
print('%d passed, %d failed' % (npass, nfail))
sys.exit(1 if nfail else 0)
