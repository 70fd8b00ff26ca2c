#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Deterministic generator of the redline sample county (会昌县, Huichang, Jiangxi).

The county boundary and the rivers are real (see samples/huichang/SOURCES.md); every other
layer is synthetic but built to behave like what county analysts receive:

  county, parcels, redline, redline_2024, redline_2024_cut, reserves, reserves_2024,
  mines, shoreline, shoreline_line, wetlands, farmland, urban

(farmland = 永久基本农田, urban = 城镇开发边界, each with a few deliberate conflicts with the red
line and with each other, listed in the printed summary; they are drawn last, from their own
random streams, so the other layers are the same as before they existed)

all in EPSG:4527 (CGCS2000 3-degree Gauss-Krueger zone 39, zone-prefixed eastings), written as
one GeoPackage (DIR/huichang.gpkg) and, unless --no-shapefiles, as GBK-encoded shapefiles
(DIR/shp/<layer>.shp with a .cpg saying GBK and the DBF language-driver byte set to 77 = CP936).

Same --seed and --scale => identical geometries and attributes (the GeoPackage bytes differ by
timestamps only).  --scale sets the number of parcels (1 -> about 100 000, 10 -> about
1 000 000) and so the vertex counts of everything built from parcels (red line, reserves); the
mines, shoreline and wetlands keep their counts.  On 2 cores: --scale 0.03 (the committed
sample) takes about 5 s, --scale 1 about 1 min and 1 GB of memory, --scale 10 about 15-20 min
and 8.5 GB (write it with --no-shapefiles).  Statistics (count, geodesic area, vertices of
every layer) go to stdout; progress goes to stderr when it is a terminal.

Usage:
  /usr/bin/python3 samples/generate/generate_county.py --scale 0.03 --out samples/huichang
  /usr/bin/python3 samples/generate/generate_county.py --scale 1 --out /tmp/county --no-shapefiles

Needs only Debian packages: python3-gdal, python3-shapely (1.8), python3-numpy, python3-scipy,
python3-pyproj.  Runs offline: its inputs are in samples/generate/sources/.
"""

import argparse
import heapq
import itertools
import json
import math
import os
import shutil
import sys
import time
import warnings

import numpy as np
from scipy import ndimage
from scipy.spatial import Voronoi
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon, shape
from shapely.ops import linemerge, polygonize, substring, unary_union
from shapely.prepared import prep
from shapely.strtree import STRtree
from pyproj import Geod, Transformer
from osgeo import gdal, ogr, osr

warnings.filterwarnings('ignore', message='STRtree will be changed')
gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, 'sources')
BOUNDARY_FILE = os.path.join(SOURCES, 'huichang_boundary.geojson')
RIVERS_FILE = os.path.join(SOURCES, 'wdbii_rivers.txt')

GENERATOR_VERSION = '2'    # 2: farmland and urban added; the other layers unchanged
DEFAULT_SEED = 20240601

XZQDM, XZQMC = '360733', '会昌县'
EPSG_GEO, EPSG_GK = 4490, 4527

# Figures of the county plan (domain.md).  They steer what is generated; they are targets of
# the construction, not answers: the layers' real figures come out of the geometry.
OFFICIAL_COUNTY_HA = 271183.0
PLAN_REDLINE_HA = 75587.98
PLAN_WETLAND_HA = 4993.96
PLAN_WETLAND_RATE = 0.6108
PLAN_SHORE_RATE = 0.847
PLAN_MINES_MU = 3416.0
MU_M2 = 10000.0 / 15.0

GRID = 100.0               # resolution (m) of the helper rasters
MIN_PIECE_M2 = 400.0       # clipped pieces smaller than this are merged into a neighbour
PARCELS_PER_SCALE = 100000

# Land-use codes of the third national land survey (三调) used here.
DLMC = {
    '0101': '水田', '0102': '水浇地', '0103': '旱地',
    '0201': '果园', '0202': '茶园',
    '0301': '乔木林地', '0302': '竹林地', '0305': '灌木林地', '0307': '其他林地',
    '0404': '其他草地',
    '0601': '工业用地', '0602': '采矿用地',
    '0701': '城镇住宅用地', '0702': '农村宅基地',
    '1003': '公路用地', '1006': '农村道路',
    '1101': '河流水面', '1102': '湖泊水面', '1103': '水库水面', '1104': '坑塘水面',
    '1107': '沟渠', '1108': '沼泽地',
    '1202': '设施农用地', '1206': '裸土地',
}
# Land-use probabilities by landscape band (bands are area quantiles of a "lowland" index:
# deep mountain, hills, hill foot, valley floor) and near the county seat.
LANDUSE_BANDS = [
    (0.45, {'0301': .86, '0302': .05, '0305': .04, '0307': .02, '0404': .015, '1206': .005,
            '0201': .005, '1006': .005}),
    (0.68, {'0301': .72, '0302': .06, '0305': .06, '0307': .04, '0201': .05, '0202': .01,
            '0404': .025, '0103': .01, '1006': .01, '0602': .005, '1206': .005, '0101': .01}),
    (0.85, {'0301': .30, '0302': .04, '0307': .04, '0305': .03, '0201': .14, '0202': .02,
            '0103': .08, '0101': .16, '0404': .04, '0702': .04, '1006': .03, '1104': .015,
            '1202': .01, '0601': .005, '1003': .01}),
    (1.01, {'0101': .46, '0103': .06, '0102': .02, '0201': .05, '0702': .13, '1104': .04,
            '1006': .04, '1003': .03, '1202': .025, '0404': .03, '0301': .06, '0601': .02,
            '1107': .01}),
]
LANDUSE_TOWN = {'0701': .45, '0601': .08, '1003': .08, '0702': .10, '0101': .10, '0404': .05,
                '1202': .02, '0301': .07, '1006': .05}
LANDUSE_WETLAND_PARK = {'1108': .15, '0404': .22, '0301': .25, '0305': .10, '0101': .10,
                        '0201': .05, '1104': .05, '0702': .04, '1006': .04}
# codes the red line may take in (it leaves out farmland, settlements, roads, ponds ...)
REDLINE_ALLOWED = {'0301', '0302', '0305', '0307', '0404', '1101', '1102', '1103', '1108', '1206'}
HXLX_TYPES = ['水源涵养', '水土保持', '生物多样性维护']

# The 19 townships; their positions here are synthetic (used only to name features).
TOWNSHIPS = ['文武坝', '筠门岭', '西江', '周田', '麻州', '庄口', '清溪', '右水', '高排', '晓龙',
             '珠兰', '洞头', '中村', '站塘', '永隆', '富城', '小密', '庄埠', '白鹅']
COUNTY_SEAT_LONLAT = (115.786056, 25.600272)   # 'cp' property of the boundary feature

# The five protected areas of domain.md: name, type, level, anchor (lon, lat), target ha.
RESERVES = [
    dict(key='xjy', name='湘江源省级自然保护区', lx='自然保护区', jb='省级',
         anchor=(115.66, 25.25), ha=8000.0, zoned=True, keep=0.75),
    dict(key='cf', name='蔡坊省级自然保护区', lx='自然保护区', jb='省级',
         anchor=(115.55, 25.50), ha=3500.0, zoned=False, keep=0.90),
    dict(key='hcs', name='会昌山国家森林公园', lx='森林公园', jb='国家级',
         anchor=(115.74, 25.55), ha=1800.0, zoned=False, keep=0.60),
    dict(key='xjsd', name='湘江国家湿地公园', lx='湿地公园', jb='国家级',
         anchor=None, ha=1500.0, zoned=False, keep=0.80),
    dict(key='hxy', name='汉仙岩国家级风景名胜区', lx='风景名胜区', jb='国家级',
         anchor=(115.95, 25.62), ha=3000.0, zoned=False, keep=0.50),
]
RESERVE_PLACE = {'xjy': '湘江源', 'cf': '蔡坊', 'hcs': '会昌山', 'xjsd': '湘江', 'hxy': '汉仙岩'}
RIVER_CHANNEL_HW = {'贡水': 45.0, '湘江': 35.0, '绵江': 30.0}   # half width of the water (m)
RIVER_SHORE_W = {'贡水': 80.0, '湘江': 60.0, '绵江': 55.0}      # bank strip width (m)
RIVER_WETLAND_EXTRA = {'贡水': 25.0, '湘江': 20.0, '绵江': 15.0}  # wetland beyond the water (m)
SHORE_ZONES = ['岸线保护区', '岸线保留区', '岸线控制利用区', '岸线开发利用区']

MINE_TYPES = ['稀土矿', '钨矿', '萤石矿', '铅锌矿', '建筑用石料矿', '砖瓦用页岩矿', '岩盐矿']

# Component ids for the random streams: each part of the generator draws from its own
# stream, so changing one part does not move the others.
RNG_IDS = dict(fields=1, points=2, ridges=3, wetlands=5, landuse=6, redline=7,
               v2024=8, mines=9, shoreline=10, towns=11, farmland=12, urban=13)

# 永久基本农田 (permanent basic farmland): drawn from the farmland parcels, one feature per
# parcel.  Farmland this close to the county seat is left out (room for the town, as the real
# delineation does); of the rest this share is designated.
FARMLAND_CODES = ('0101', '0102', '0103')
FARMLAND_KEEP = 0.85
FARMLAND_SEAT_GAP = 1500.0          # m
FARMLAND_IN_REDLINE = 2             # red-line parcels still recorded as farmland (退耕还林 conflict)
FARMLAND_INTO_REDLINE = 2           # farmland parcels whose outline reaches into the red line
FARMLAND_TBMJ_ERRORS = (0.032, -0.041, 0.027)   # TBMJ off by these shares, on purpose (QA)
# 城镇开发边界 (urban development boundary) around the county seat: target areas in ha.
URBAN_CORE_HA = 1200.0              # 县城集中建设区
URBAN_PARK_HA = 300.0               # 工业园集中建设区
URBAN_ELASTIC_HA = 150.0            # 弹性发展区 (whole parcels: it may overshoot)
URBAN_SPECIAL_HA = 120.0            # 特别用途区
URBAN_INTO_REDLINE_HA = 4.0         # the 弹性发展区 bulges this far into the red line, on purpose
URBAN_OVER_FARMLAND = 3             # farmland parcels the 集中建设区 takes in, on purpose
URBAN_BUILT = {'0701', '0601', '0702', '1003', '1006', '1202'}


def rng_for(seed, part):
    return np.random.default_rng([seed, RNG_IDS[part]])


class Progress:
    def __init__(self, enabled):
        self.enabled = enabled
        self.t0 = time.time()

    def __call__(self, msg):
        if self.enabled:
            sys.stderr.write('[%7.1fs] %s\n' % (time.time() - self.t0, msg))
            sys.stderr.flush()


# --------------------------------------------------------------------------------------------
# geometry helpers

def polys_of(g):
    """The polygons of a geometry (Polygon, MultiPolygon or collection), in order."""
    if g is None or g.is_empty:
        return []
    t = g.geom_type
    if t == 'Polygon':
        return [g]
    if t in ('MultiPolygon', 'GeometryCollection'):
        out = []
        for p in g.geoms:
            out.extend(polys_of(p))
        return out
    return []


def as_multi(g):
    ps = polys_of(g)
    return MultiPolygon(ps)


def n_vertices(g):
    t = g.geom_type
    if t == 'Polygon':
        return len(g.exterior.coords) + sum(len(r.coords) for r in g.interiors)
    if t in ('LineString', 'LinearRing'):
        return len(g.coords)
    if t in ('MultiPolygon', 'MultiLineString', 'GeometryCollection'):
        return sum(n_vertices(p) for p in g.geoms)
    return 0


def blob(rng, cx, cy, area, nv=40, irregular=0.35, elong=1.0):
    """A smooth star-shaped polygon (always simple) of the given area centred near (cx, cy)."""
    th = np.sort((np.arange(nv) + rng.uniform(-0.3, 0.3, nv)) * (2 * np.pi / nv))
    r = np.ones(nv)
    for k in range(2, 6):
        r += irregular / k * rng.uniform(-1, 1) * np.cos(k * th + rng.uniform(0, 2 * np.pi))
    r *= 1 + 0.04 * rng.uniform(-1, 1, nv)
    r = np.maximum(r, 0.3)
    x, y = r * np.cos(th) * elong, r * np.sin(th) / elong
    rot = rng.uniform(0, np.pi)
    c, s = np.cos(rot), np.sin(rot)
    x, y = c * x - s * y, s * x + c * y
    p = Polygon(np.column_stack([x, y]))
    f = math.sqrt(area / p.area)
    return Polygon(np.column_stack([cx + x * f, cy + y * f]))


def chaikin(line, rounds):
    """Chaikin corner cutting; keeps both end points."""
    a = np.asarray(line.coords)
    for _ in range(rounds):
        if len(a) < 3:
            break
        q = 0.75 * a[:-1] + 0.25 * a[1:]
        r = 0.25 * a[:-1] + 0.75 * a[1:]
        mid = np.empty((2 * (len(a) - 1), 2))
        mid[0::2], mid[1::2] = q, r
        a = np.vstack([a[:1], mid[1:-1], a[-1:]])
    return LineString(a)


def cut_strip(strip, line, cut_at, ext):
    """Cut polygon(s) `strip` lying along `line` by lines perpendicular to `line` at the
    distances `cut_at`; returns {segment index: [polygons]} (segment i lies between
    cut_at[i-1] and cut_at[i]); faces are given to segments by projecting onto `line`."""
    cuts = []
    L = line.length
    for s in cut_at:
        p0 = line.interpolate(max(s - 5.0, 0.0))
        p1 = line.interpolate(min(s + 5.0, L))
        dx, dy = p1.x - p0.x, p1.y - p0.y
        n = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / n, dx / n
        c = line.interpolate(s)
        cuts.append(LineString([(c.x - nx * ext, c.y - ny * ext), (c.x + nx * ext, c.y + ny * ext)]))
    out = {}
    noded = unary_union([strip.boundary] + cuts)
    ps = prep(strip)
    for face in polygonize(noded):
        rp = face.representative_point()
        if not ps.contains(rp):
            continue
        s = line.project(rp)
        i = int(np.searchsorted(np.asarray(cut_at), s))
        out.setdefault(i, []).append(face)
    return out


def rasterize(geoms, shape_, gt, all_touched):
    ds = gdal.GetDriverByName('MEM').Create('', shape_[1], shape_[0], 1, gdal.GDT_Byte)
    ds.SetGeoTransform(gt)
    srs = gk_srs()
    ds.SetProjection(srs.ExportToWkt())
    mem = ogr.GetDriverByName('Memory').CreateDataSource('m')
    lyr = mem.CreateLayer('g', srs, ogr.wkbUnknown)
    for g in geoms:
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetGeometry(ogr.CreateGeometryFromWkb(g.wkb))
        lyr.CreateFeature(f)
    opts = ['ALL_TOUCHED=TRUE'] if all_touched else []
    gdal.RasterizeLayer(ds, [1], lyr, burn_values=[1], options=opts)
    return ds.GetRasterBand(1).ReadAsArray().astype(bool)


# --------------------------------------------------------------------------------------------
# the generator

class County:
    def __init__(self, scale, seed, progress):
        self.scale = scale
        self.seed = seed
        self.progress = progress
        self.to_gk = Transformer.from_crs(EPSG_GEO, EPSG_GK, always_xy=True)
        self.to_geo = Transformer.from_crs(EPSG_GK, EPSG_GEO, always_xy=True)
        self.geod = Geod(a=6378137.0, rf=298.257222101)
        self.notes = []

    # ---- real inputs ---------------------------------------------------------------------
    def load_boundary(self):
        with open(BOUNDARY_FILE, encoding='utf-8') as f:
            fc = json.load(f)
        feats = [f for f in fc['features'] if f['properties'].get('name') == XZQMC]
        if len(feats) != 1:
            raise SystemExit('%s: expected one feature named %s' % (BOUNDARY_FILE, XZQMC))
        raw = shape(feats[0]['geometry'])
        fixed = raw.buffer(0)            # the source ring touches itself: rebuild it
        parts = sorted(polys_of(fixed), key=lambda p: -p.area)
        main = parts[0]
        holes = list(main.interiors)
        main = Polygon(main.exterior)    # artefact holes of the quantised source: filled
        x, y = np.asarray(main.exterior.coords).T
        X, Y = self.to_gk.transform(x, y)
        county = Polygon(np.column_stack([X, Y]))
        if not county.is_valid:
            county = county.buffer(0)
        self.county = county
        self.county_prep = prep(county)
        self.county_geo_ha = self.geodesic_ha([county])[0]
        self.county_planar_ha = county.area / 1e4
        dropped = [self.geodesic_ha([self.poly_to_gk(p)])[0] for p in parts[1:]]
        filled = [self.geodesic_ha([self.poly_to_gk(Polygon(h))])[0] for h in holes]
        self.notes.append('boundary: %d source vertices; dropped %d sliver parts (%.2f ha), '
                          'filled %d artefact holes (%.2f ha)'
                          % (len(raw.exterior.coords), len(dropped), sum(dropped), len(filled),
                             sum(filled)))

    def poly_to_gk(self, p):
        x, y = np.asarray(p.exterior.coords).T
        X, Y = self.to_gk.transform(x, y)
        return Polygon(np.column_stack([X, Y]))

    def load_rivers(self):
        segs, cur = [], []
        with open(RIVERS_FILE) as f:
            for line in f:
                if line.startswith('>'):
                    if len(cur) > 1:
                        segs.append(cur)
                    cur = []
                elif line.strip():
                    cur.append(tuple(map(float, line.split()[:2])))
        if len(cur) > 1:
            segs.append(cur)
        lines = []
        for s in segs:
            a = np.asarray(s)
            X, Y = self.to_gk.transform(a[:, 0], a[:, 1])
            ls = LineString(np.column_stack([X, Y]))
            if ls.length > 0:
                lines.append(ls)
        # WDBII vertices are ~500 m apart: two rounds of Chaikin smoothing give the rivers
        # the curvature (and the vertex density) of a survey-scale line
        lines = [chaikin(ls, 2) for ls in lines]
        merged = linemerge(lines)
        geoms = list(merged.geoms) if merged.geom_type == 'MultiLineString' else [merged]
        near = [g for g in geoms if g.intersects(self.county)]
        if len(near) != 2:
            raise SystemExit('rivers: expected 2 WDBII lines crossing the county, got %d' % len(near))
        # 湘江 comes from the south; the other line is 绵江 (from Ruijin, east) and 贡水
        # (towards Yudu, north-west), which meet the 湘江 at the county seat.
        near.sort(key=lambda g: g.bounds[1])
        xiang, main = near
        ends = [Point(xiang.coords[0]), Point(xiang.coords[-1])]
        end = min(ends, key=lambda p: main.distance(p))
        sc = main.project(end)
        conf = main.interpolate(sc)
        xc = list(xiang.coords)
        if end.equals(ends[0]):
            xc = [conf.coords[0]] + xc
        else:
            xc = xc + [conf.coords[0]]
        xiang = LineString(xc)
        a, b = substring(main, 0, sc), substring(main, sc, main.length)
        far = lambda g: max(g.coords[0][0], g.coords[-1][0])
        mian, gong = (a, b) if far(a) > far(b) else (b, a)
        self.confluence = conf
        self.rivers = {}
        for name, g in (('贡水', gong), ('湘江', xiang), ('绵江', mian)):
            c = g.intersection(self.county)
            parts = [p for p in (c.geoms if hasattr(c, 'geoms') else [c])
                     if p.geom_type == 'LineString' and p.length > 200]
            m = linemerge(parts) if len(parts) > 1 else parts[0]
            self.rivers[name] = m
        self.river_full = {'湘江': xiang, '贡水': gong, '绵江': mian}
        self.channel = {}
        for name, g in self.rivers.items():
            self.channel[name] = g.buffer(RIVER_CHANNEL_HW[name], 8).intersection(self.county)
        self.channel_all = unary_union(list(self.channel.values()))
        self.channel_prep = prep(self.channel_all)
        self.max_channel_hw = max(RIVER_CHANNEL_HW.values())
        self.notes.append('rivers in the county: ' + ', '.join(
            '%s %.1f km' % (n, g.length / 1000) for n, g in self.rivers.items()))

    # ---- helper rasters --------------------------------------------------------------------
    def build_fields(self):
        rng = rng_for(self.seed, 'fields')
        minx, miny, maxx, maxy = self.county.bounds
        pad = 3000.0
        self.x0 = math.floor((minx - pad) / GRID) * GRID
        self.y1 = math.ceil((maxy + pad) / GRID) * GRID
        nx = int(math.ceil((maxx + pad - self.x0) / GRID))
        ny = int(math.ceil((self.y1 - (miny - pad)) / GRID))
        self.gshape = (ny, nx)
        gt = (self.x0, GRID, 0.0, self.y1, 0.0, -GRID)
        self.mask = rasterize([self.county], self.gshape, gt, True)
        inside = rasterize([self.county], self.gshape, gt, False)
        self.inside = inside
        # distance to the nearest pixel the boundary touches: a point is at least this minus
        # 1.5 pixels away from the boundary (pixel centres alone would miss narrow notches)
        bnd = rasterize([self.county.boundary], self.gshape, gt, True)
        self.d_bnd = ndimage.distance_transform_edt(~bnd) * GRID
        riv = rasterize(list(self.river_full.values()), self.gshape, gt, True)
        self.d_river = ndimage.distance_transform_edt(~riv) * GRID
        # township anchors: the county seat, then farthest-point sampling inside the county
        trng = rng_for(self.seed, 'towns')
        sx, sy = self.to_gk.transform(*COUNTY_SEAT_LONLAT)
        iy, ix = np.nonzero(inside[::5, ::5])
        cand = np.column_stack([self.x0 + (ix * 5 + 0.5) * GRID, self.y1 - (iy * 5 + 0.5) * GRID])
        cand = cand[trng.permutation(len(cand))]
        towns = [np.array([sx, sy])]
        d = np.hypot(cand[:, 0] - sx, cand[:, 1] - sy)
        for _ in range(len(TOWNSHIPS) - 1):
            k = int(np.argmax(d))
            towns.append(cand[k].copy())
            d = np.minimum(d, np.hypot(cand[:, 0] - cand[k, 0], cand[:, 1] - cand[k, 1]))
        self.towns = np.array(towns)
        gx = self.x0 + (np.arange(nx) + 0.5) * GRID
        gy = self.y1 - (np.arange(ny) + 0.5) * GRID
        GX, GY = np.meshgrid(gx, gy)
        self.d_seat = np.hypot(GX - sx, GY - sy)
        # towns near a river are market towns: they attract settlement
        d_town = self.d_seat.copy()
        for t in self.towns[1:]:
            if self.lookup(self.d_river, t[None, :])[0] < 2500:
                d_town = np.minimum(d_town, np.hypot(GX - t[0], GY - t[1]) * 1.6)
        noise = ndimage.gaussian_filter(rng.standard_normal(self.gshape), 18, mode='nearest')
        noise /= noise.std()
        self.noise2 = ndimage.gaussian_filter(rng.standard_normal(self.gshape), 10, mode='nearest')
        self.noise2 /= self.noise2.std()
        low = (0.62 * np.exp(-self.d_river / 1800.0) + 0.45 * np.exp(-d_town / 2500.0)
               + 0.22 * noise + 0.1)
        self.low = np.clip(low, 0, 1)
        self.density = 1.0 + 6.0 * self.low ** 2

    def lookup(self, arr, xy):
        col = np.clip(((xy[:, 0] - self.x0) / GRID).astype(np.int64), 0, self.gshape[1] - 1)
        row = np.clip(((self.y1 - xy[:, 1]) / GRID).astype(np.int64), 0, self.gshape[0] - 1)
        return arr[row, col]

    # ---- parcels -----------------------------------------------------------------------------
    def build_parcels(self):
        P = self.progress
        rng = rng_for(self.seed, 'points')
        n = max(60, int(round(PARCELS_PER_SCALE * self.scale)))
        w = (self.density * self.mask).ravel()
        cells = rng.choice(w.size, size=n, p=w / w.sum())
        row, col = np.divmod(cells, self.gshape[1])
        px = self.x0 + (col + rng.random(n)) * GRID
        py = self.y1 - (row + rng.random(n)) * GRID
        pts = np.column_stack([px, py])
        # a ring of guard points far outside keeps every real cell finite
        minx, miny, maxx, maxy = self.county.bounds
        g = 25000.0
        gx0, gy0, gx1, gy1 = minx - g, miny - g, maxx + g, maxy + g
        step = 2500.0
        ex = np.arange(gx0, gx1 + 1, step)
        ey = np.arange(gy0, gy1 + 1, step)
        guards = np.vstack([np.column_stack([ex, np.full_like(ex, gy0)]),
                            np.column_stack([ex, np.full_like(ex, gy1)]),
                            np.column_stack([np.full_like(ey[1:-1], gx0), ey[1:-1]]),
                            np.column_stack([np.full_like(ey[1:-1], gx1), ey[1:-1]])])
        allpts = np.vstack([pts, guards])
        P('voronoi of %d points' % n)
        # qhull works far better near the origin: with 8-digit eastings it takes points a few
        # metres apart for coincident ones (two sites, one region)
        origin = np.round(pts.mean(axis=0), -3)
        vor = Voronoi(allpts - origin)
        V = vor.vertices + origin
        shared = np.unique(vor.point_region[:n], return_counts=True)[1] > 1
        if shared.any():
            raise SystemExit('voronoi: %d regions shared by several points' % int(shared.sum()))
        NV = len(V)
        rp = vor.ridge_points
        rv = np.asarray(vor.ridge_vertices, dtype=np.int64)
        keep = (rv >= 0).all(1) & (rp < n).any(1)
        rp, rv = rp[keep], rv[keep]
        R = len(rp)
        keys = np.minimum(rv[:, 0], rv[:, 1]) * NV + np.maximum(rv[:, 0], rv[:, 1])
        korder = np.argsort(keys, kind='stable')
        skeys = keys[korder]
        if np.any(skeys[1:] == skeys[:-1]):
            raise SystemExit('voronoi: duplicate ridge')
        regions = [vor.regions[k] for k in vor.point_region[:n]]
        lens = np.fromiter(map(len, regions), np.int64, n)
        flat = np.fromiter(itertools.chain.from_iterable(regions), np.int64, int(lens.sum()))
        if (flat < 0).any():
            raise SystemExit('voronoi: a real cell is unbounded')
        starts = np.cumsum(lens) - lens
        rl = np.repeat(lens, lens)
        rs = np.repeat(starts, lens)
        ar = np.arange(flat.size)
        nxt = np.where(ar - rs + 1 < rl, ar + 1, rs)
        fa, fb = flat, flat[nxt]
        k = np.minimum(fa, fb) * NV + np.maximum(fa, fb)
        loc = np.searchsorted(skeys, k)
        loc = np.minimum(loc, R - 1)
        if not np.array_equal(skeys[loc], k):
            raise SystemExit('voronoi: a region edge is not a ridge (regions not cyclic?)')
        rid = korder[loc]
        fwd = rv[rid, 0] == fa
        # unperturbed cell areas, for the local vertex density
        cross = V[fa, 0] * V[fb, 1] - V[fb, 0] * V[fa, 1]
        carea = np.abs(np.add.reduceat(cross, starts)) / 2
        area_all = np.full(len(allpts), np.nan)
        area_all[:n] = carea
        # perturb every ridge once, so both neighbours share the identical edge
        P('perturbing %d edges' % R)
        rrng = rng_for(self.seed, 'ridges')
        v1, v2 = V[rv[:, 0]], V[rv[:, 1]]
        p = allpts[rp[:, 0]]
        d = v2 - v1
        L = np.hypot(d[:, 0], d[:, 1])
        Ls = np.where(L > 0, L, 1.0)
        e = d / Ls[:, None]
        nrm = np.column_stack([-e[:, 1], e[:, 0]])
        sd = ((p - v1) * nrm).sum(1)
        nrm *= np.where(sd < 0, -1.0, 1.0)[:, None]
        h = np.abs(sd)
        pxl = ((p - v1) * e).sum(1)
        aloc = np.nanmean(area_all[rp], axis=1)
        K = np.clip(np.rint(6.0 * L / np.sqrt(aloc)), 2, 12).astype(np.int64)
        K[L <= 0.01] = 0
        c1 = rrng.uniform(-1, 1, R)
        c2 = rrng.uniform(-1, 1, R) * 0.55
        c3 = rrng.uniform(-1, 1, R) * 0.35
        tot = int(K.sum())
        ridx = np.repeat(np.arange(R), K)
        kst = np.cumsum(K) - K
        m = np.arange(tot) - np.repeat(kst, K) + 1
        Kr = K[ridx].astype(float)
        t = (m + rrng.uniform(-0.3, 0.3, tot)) / (Kr + 1)
        x = t * L[ridx]
        pr, Lr, hr = pxl[ridx], L[ridx], h[ridx]
        with np.errstate(divide='ignore', invalid='ignore'):
            up1 = np.where(pr > 1e-9, x / pr, np.inf)
            up2 = np.where(pr < Lr - 1e-9, (Lr - x) / (Lr - pr), np.inf)
        upper = hr * np.minimum(np.minimum(up1, up2), 1.0)
        u = (c1[ridx] * np.sin(np.pi * t) + c2[ridx] * np.sin(2 * np.pi * t)
             + c3[ridx] * np.sin(3 * np.pi * t) + 0.15 * rrng.uniform(-1, 1, tot))
        u = np.clip(u, -1, 1)
        dd = u * np.minimum(0.8 * upper, 0.2 * Lr)
        ip = v1[ridx] + x[:, None] * e[ridx] + dd[:, None] * nrm[ridx]
        off = np.cumsum(K + 2) - (K + 2)
        RP = np.empty((int((K + 2).sum()), 2))
        RP[off] = v1
        RP[off + K + 1] = v2
        RP[np.repeat(off, K) + m] = ip
        # cell rings: each region edge contributes its ridge polyline (forward or reversed)
        seg = K[rid] + 1
        sst = np.cumsum(seg) - seg
        within = np.arange(int(seg.sum())) - np.repeat(sst, seg)
        o = np.repeat(off[rid], seg)
        idx = np.where(np.repeat(fwd, seg), o + within, o + np.repeat(K[rid] + 1, seg) - within)
        coords = RP[idx]
        cnt = np.add.reduceat(seg, starts)
        cst = np.cumsum(cnt) - cnt
        ptrep = np.repeat(pts, cnt, axis=0)
        rad = np.sqrt(np.maximum.reduceat(((coords - ptrep) ** 2).sum(1), cst))
        d_in = np.where(self.lookup(self.inside, pts), self.lookup(self.d_bnd, pts), -np.inf) - 1.5 * GRID
        d_riv = self.lookup(self.d_river, pts) - 1.5 * GRID
        interior_fast = d_in > rad
        near_river = d_riv < rad + self.max_channel_hw + 10
        P('building %d cells' % n)
        cells = [Polygon(coords[cst[i]:cst[i] + cnt[i]]) for i in range(n)]
        bad = [i for i in range(n) if not cells[i].is_valid]
        # In exact arithmetic no cell can be invalid (each perturbed edge stays inside the
        # quadrilateral of its two sites and two vertices).  Rounding can still break cells with
        # a needle-sharp corner: their edges are then left straight (in both neighbours).
        straight = np.zeros(R, bool)
        n_straight, rounds = 0, 0
        while bad and rounds < 5:
            rounds += 1
            aff = set()
            for i in bad:
                rs = rid[starts[i]:starts[i] + lens[i]]
                n_straight += int((~straight[rs]).sum())
                straight[rs] = True
                for r in rs.tolist():
                    aff.update(x for x in rp[r].tolist() if x < n)
            for i in sorted(aff):
                ring = []
                for e in range(starts[i], starts[i] + lens[i]):
                    r = rid[e]
                    poly = RP[[off[r], off[r] + K[r] + 1]] if straight[r] else RP[off[r]:off[r] + K[r] + 2]
                    if not fwd[e]:
                        poly = poly[::-1]
                    ring.append(poly[:-1])
                cells[i] = Polygon(np.vstack(ring))
            bad = [i for i in sorted(aff) if not cells[i].is_valid]
        if n_straight:
            self.notes.append('parcels: %d edges left straight where rounding broke a needle-'
                              'sharp cell' % n_straight)
        if bad:
            self.notes.append('parcels: WARNING %d cells still invalid, rebuilt by buffer(0)' % len(bad))
            for i in bad:
                cells[i] = cells[i].buffer(0)
        pieces = []          # (geometry, cell, is_water)
        for i in range(n):
            cell = cells[i]
            if interior_fast[i]:
                inside = True
            elif self.county_prep.contains(cell):
                inside = True
            elif self.county_prep.intersects(cell):
                inside = False
            else:
                continue
            g = cell if inside else cell.intersection(self.county)
            if near_river[i] and self.channel_prep.intersects(g):
                land = g.difference(self.channel_all)
                water = g.intersection(self.channel_all)
                for q in polys_of(land):
                    pieces.append((q, i, False))
                for q in polys_of(water):
                    pieces.append((q, i, True))
            elif inside:
                pieces.append((g, i, False))
            else:
                for q in polys_of(g):
                    pieces.append((q, i, False))
        del cells
        P('merging small pieces of %d pieces' % len(pieces))
        geoms = [q for q, _, _ in pieces]
        areas = np.array([q.area for q in geoms])
        small = np.nonzero(areas < MIN_PIECE_M2)[0]
        owner = np.arange(len(geoms))
        alive = np.ones(len(geoms), bool)
        merged = 0
        if len(small):
            tree = STRtree(geoms)
            ident = {id(q): j for j, q in enumerate(geoms)}
            cur = list(geoms)

            def resolve(j):
                while owner[j] != j:
                    j = owner[j]
                return j

            for i in small:
                if not alive[i] or cur[i].area >= MIN_PIECE_M2:
                    continue
                best, bestlen = -1, 0.0
                cands = sorted({resolve(ident[id(q)]) for q in tree.query(cur[i])} - {i})
                for j in cands:
                    if not alive[j]:
                        continue
                    sh = cur[i].intersection(cur[j])
                    ln = sh.length if not sh.is_empty else 0.0
                    if ln > bestlen + 1e-9:
                        best, bestlen = j, ln
                if best < 0 or bestlen < 1e-3:
                    continue
                u = unary_union([cur[best], cur[i]])
                if u.geom_type != 'Polygon':
                    continue
                cur[best] = u
                alive[i] = False
                owner[i] = best
                merged += 1
            geoms = cur
        self.notes.append('parcels: %d cells -> %d pieces, %d small pieces merged into a '
                          'neighbour' % (n, len(pieces), merged))
        keep_idx = np.nonzero(alive)[0]
        self.parcels = [geoms[j] for j in keep_idx]
        self.p_cell = np.array([pieces[j][1] for j in keep_idx])
        self.p_water = np.array([pieces[j][2] for j in keep_idx])
        self.p_area = np.array([g.area for g in self.parcels])
        diff = self.p_area.sum() - self.county.area
        if abs(diff) > 1.0:
            self.notes.append('parcels: WARNING their areas add up to %.3f m2 more than the '
                              'county: the coverage has gaps or overlaps' % diff)
        cen = [g.centroid for g in self.parcels]
        self.p_xy = np.array([[c.x, c.y] for c in cen])
        self.n_cells = n
        # adjacency: parcels of the same cell or of Voronoi-adjacent cells
        both = (rp < n).all(1)
        cadj = [[] for _ in range(n)]
        for a, b in rp[both].tolist():
            cadj[a].append(b)
            cadj[b].append(a)
        cpar = [[] for _ in range(n)]
        for j, c in enumerate(self.p_cell.tolist()):
            cpar[c].append(j)
        self.nbrs = []
        for j, c in enumerate(self.p_cell.tolist()):
            nb = [q for q in cpar[c] if q != j]
            for c2 in cadj[c]:
                nb.extend(cpar[c2])
            self.nbrs.append(nb)

    # ---- region growing on the parcel graph --------------------------------------------------
    def grow(self, seeds, target, prio, can_take, taken_label=None, label=None):
        """Grow from `seeds` by increasing priority until `target` m2 is reached; returns the
        parcel indices in growth order."""
        heap = [(prio(s), s) for s in seeds]
        heapq.heapify(heap)
        seen = set(seeds)
        out, area = [], 0.0
        while heap and area < target:
            _, j = heapq.heappop(heap)
            if not can_take(j):
                continue
            out.append(j)
            area += self.p_area[j]
            if taken_label is not None:
                taken_label[j] = label
            for q in self.nbrs[j]:
                if q not in seen:
                    seen.add(q)
                    heapq.heappush(heap, (prio(q), q))
        return out

    def nearest_parcel(self, x, y, ok=None):
        d = np.hypot(self.p_xy[:, 0] - x, self.p_xy[:, 1] - y)
        if ok is not None:
            d = np.where(ok, d, np.inf)
        return int(np.argmin(d))

    def build_reserves(self):
        npar = len(self.parcels)
        self.res_label = np.full(npar, -1)
        noise = self.lookup(self.noise2, self.p_xy)
        self.reserve_parts = []
        order = [3, 0, 1, 2, 4]            # the wetland park first: it follows the river
        grown = {}
        for ri in order:
            spec = RESERVES[ri]
            target = spec['ha'] * 1e4
            free = self.res_label < 0
            if spec['anchor'] is None:
                line = self.rivers['湘江']
                s0 = line.project(self.confluence)
                sa = abs(s0 - 7000.0) if s0 > 7000 else s0 + 7000.0
                ax, ay = line.interpolate(sa).coords[0]
                near = self.lookup(self.d_river, self.p_xy) < 2500
                sproj = np.full(npar, np.nan)
                dperp = np.full(npar, np.inf)
                for j in np.nonzero(near)[0]:
                    pt = Point(self.p_xy[j])
                    sproj[j] = line.project(pt)
                    dperp[j] = line.distance(pt)
                cand = near & (dperp < 700) & free
                seed = self.nearest_parcel(ax, ay, cand)

                def prio(j, sproj=sproj, dperp=dperp, sa=sa):
                    return abs(sproj[j] - sa) + 3.0 * dperp[j] if np.isfinite(dperp[j]) else 1e18

                def can(j, cand=cand):
                    return bool(cand[j]) and self.res_label[j] < 0
            else:
                ax, ay = self.to_gk.transform(*spec['anchor'])
                seed = self.nearest_parcel(ax, ay, free & ~self.p_water)
                f = 1.0 + 0.4 * noise

                def prio(j, ax=ax, ay=ay, f=f):
                    return math.hypot(self.p_xy[j, 0] - ax, self.p_xy[j, 1] - ay) * f[j]

                def can(j):
                    return self.res_label[j] < 0
            got = self.grow([seed], target, prio, can, self.res_label, ri)
            grown[ri] = got
        self.res_order = grown
        self.reserve_zone = {}
        for ri, got in grown.items():
            a = np.cumsum(self.p_area[got])
            tot = a[-1] if len(a) else 0.0
            if RESERVES[ri]['zoned']:
                z = np.where(a <= 0.30 * tot, '核心区', np.where(a <= 0.60 * tot, '缓冲区', '实验区'))
            else:
                z = np.array(['一般控制区' if RESERVES[ri]['lx'] != '自然保护区' else ''] * len(got))
            for j, zz in zip(got, z.tolist()):
                self.reserve_zone[j] = zz
        self.reserve_geom = {}
        for ri, got in grown.items():
            self.reserve_geom[ri] = unary_union([self.parcels[j] for j in got])
        self.reserves_all = unary_union(list(self.reserve_geom.values()))

    # ---- wetlands ----------------------------------------------------------------------------
    def build_wetlands(self):
        rng = rng_for(self.seed, 'wetlands')
        P = self.progress
        # river wetlands: the river and its banks, in reaches of 6-12 km
        river_wl = []
        done = None
        for name in ('贡水', '湘江', '绵江'):
            line = self.rivers[name]
            lines = list(line.geoms) if line.geom_type == 'MultiLineString' else [line]
            hw = RIVER_CHANNEL_HW[name] + RIVER_WETLAND_EXTRA[name]
            for ln in lines:
                strip = ln.buffer(hw, 8).intersection(self.county)
                if done is not None:
                    strip = strip.difference(done)
                strip = as_multi(strip)
                if strip.is_empty:
                    continue
                cuts, s = [], 0.0
                while True:
                    s += rng.uniform(6000, 12000)
                    if s >= ln.length - 3000:
                        break
                    cuts.append(s)
                pieces = cut_strip(strip, ln, cuts, hw * 3)
                for i in sorted(pieces):
                    g = unary_union(pieces[i])
                    if g.area > 100:
                        river_wl.append((g, '河流湿地', name))
            done = unary_union([g for g, _, _ in river_wl])
        T = PLAN_WETLAND_HA * self.county_geo_ha / OFFICIAL_COUNTY_HA * 1e4
        T *= self.county_planar_ha / self.county_geo_ha
        r_all = unary_union([g for g, _, _ in river_wl])
        r_in = r_all.intersection(self.reserves_all).area
        r_out = r_all.area - r_in
        want_in = max(PLAN_WETLAND_RATE * T - r_in, 0.0)
        want_out = max((1 - PLAN_WETLAND_RATE) * T - r_out, 0.0)
        # blobs: (group, type, code, reserve index or None, relative size)
        plan = [('in', '人工湿地', '1103', 0, 40), ('in', '沼泽湿地', '1108', 0, 4),
                ('in', '沼泽湿地', '1108', 0, 3), ('in', '人工湿地', '1103', 1, 18),
                ('in', '湖泊湿地', '1102', 1, 4), ('in', '湖泊湿地', '1102', 2, 5),
                ('in', '人工湿地', '1104', 2, 1), ('in', '沼泽湿地', '1108', 3, 1.5),
                ('in', '沼泽湿地', '1108', 3, 1.0), ('in', '人工湿地', '1104', 3, 0.6),
                ('in', '人工湿地', '1103', 4, 8), ('in', '沼泽湿地', '1108', 4, 3)]
        outp = [('out', '人工湿地', '1103', None, x) for x in (22, 14, 10, 8, 6, 5)]
        outp += [('out', '湖泊湿地', '1102', None, 5)]
        outp += [('edge', '沼泽湿地', '1108', ri, 3) for ri in (1, 4)]
        outp += [('out', '沼泽湿地', '1108', None, x) for x in (4, 3, 2.5, 2)]
        outp += [('out', '人工湿地', '1104', None, x) for x in rng.uniform(0.4, 1.6, 24)]
        plan += outp
        tin = sum(p[4] for p in plan if p[0] == 'in')
        tout = sum(p[4] for p in plan if p[0] != 'in')
        placed = []
        river_block = prep(r_all.buffer(30))
        resprep = prep(self.reserves_all)
        by_size = sorted(self.reserve_geom, key=lambda k: -self.reserve_geom[k].area)

        def place(grp, code, ri, area):
            regions = [ri] + [k for k in by_size if k != ri] if grp == 'in' else [None]
            for reg in regions:
                if grp == 'in':
                    region = self.reserve_geom[reg]
                elif grp == 'edge':
                    region = self.reserve_geom[ri].boundary.buffer(200).intersection(self.county)
                else:
                    region = self.county
                rprep = prep(region)
                inner = prep(self.reserve_geom[reg]) if grp == 'in' else self.county_prep
                minx, miny, maxx, maxy = region.bounds
                for attempt in range(300):
                    a = area * (0.85 ** (attempt // 60))
                    cx, cy = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
                    if not rprep.contains(Point(cx, cy)):
                        continue
                    lowv = self.lookup(self.low, np.array([[cx, cy]]))[0]
                    if grp == 'out':
                        # reservoirs sit in hill valleys, ponds in the plains
                        want = lowv if code == '1104' else 1.0 - abs(lowv - 0.35) * 2
                        if rng.random() > max(want, 0.05):
                            continue
                    nv = 64 if a > 5e5 else (36 if a > 5e4 else 16)
                    g = blob(rng, cx, cy, a, nv=nv, irregular=0.5 if code == '1103' else 0.3,
                             elong=rng.uniform(1.0, 1.8))
                    if not inner.contains(g) or river_block.intersects(g):
                        continue
                    if grp == 'out' and resprep.intersects(g):
                        continue
                    if grp == 'edge' and (resprep.contains(g) or not resprep.intersects(g)):
                        continue
                    if any(g.distance(q) < 40 for q, _, _, _ in placed):
                        continue
                    return g
            return None

        lxof = {'1102': '湖泊湿地', '1103': '人工湿地', '1104': '人工湿地', '1108': '沼泽湿地'}
        for grp, lx, code, ri, rel in plan:
            area = rel / tin * want_in if grp == 'in' else rel / tout * want_out
            if area < 5000:
                continue
            g = place(grp, code, ri, area)
            if g is not None:
                placed.append((g, lx, code, grp))
        # top up where blobs had to shrink: more marshes and ponds of the same group
        for grp, want in (('in', want_in), ('out', want_out)):
            for _ in range(40):
                have = sum(g.area for g, _, _, gg in placed if (gg == 'in') == (grp == 'in'))
                miss = want - have
                if miss < 0.01 * want or miss < 5000:
                    break
                code = '1108' if rng.random() < 0.5 else '1104'
                a = min(miss, max(0.2 * want, 5000.0))
                g = place(grp, code, by_size[0] if grp == 'in' else None, a)
                if g is not None:
                    placed.append((g, lxof[code], code, grp))
            else:
                self.notes.append('wetlands: %s group %.0f ha short' % (grp, (want - have) / 1e4))
        placed = [(g, lx, code) for g, lx, code, _ in placed]
        self.wetland_river = river_wl
        self.wetland_blobs = placed
        P('wetlands: %d river reaches, %d blobs' % (len(river_wl), len(placed)))

    # ---- land use ----------------------------------------------------------------------------
    def assign_landuse(self):
        rng = rng_for(self.seed, 'landuse')
        npar = len(self.parcels)
        low = self.lookup(self.low, self.p_xy).astype(float)
        inres = (self.res_label >= 0) & (self.res_label != 3)
        low = np.where(inres, low * 0.5, low)
        order = np.argsort(low, kind='stable')
        q = np.empty(npar)
        q[order] = np.cumsum(self.p_area[order]) / self.p_area.sum()
        dseat = self.lookup(self.d_seat, self.p_xy)
        u = rng.random(npar)
        codes = np.empty(npar, dtype=object)
        tables = []
        for hi, tab in LANDUSE_BANDS:
            ks = list(tab)
            cp = np.cumsum([tab[k] for k in ks])
            tables.append((hi, ks, cp / cp[-1]))
        tk = list(LANDUSE_TOWN)
        tcp = np.cumsum([LANDUSE_TOWN[k] for k in tk])
        tcp = tcp / tcp[-1]
        wk = list(LANDUSE_WETLAND_PARK)
        wcp = np.cumsum([LANDUSE_WETLAND_PARK[k] for k in wk])
        wcp = wcp / wcp[-1]
        for j in range(npar):
            if self.p_water[j]:
                codes[j] = '1101'
                continue
            if self.res_label[j] == 3:
                ks, cp = wk, wcp
            elif dseat[j] < 1800 and q[j] > 0.6:
                ks, cp = tk, tcp
            else:
                for hi, ks, cp in tables:
                    if q[j] < hi:
                        break
            codes[j] = ks[int(np.searchsorted(cp, u[j]))]
        # parcels mostly under a wetland blob take its code
        tree = STRtree(self.parcels)
        ident = {id(g): j for j, g in enumerate(self.parcels)}
        for g, lx, code in self.wetland_blobs:
            gp = prep(g)
            for pg in tree.query(g):
                j = ident[id(pg)]
                if self.p_water[j]:
                    continue
                if gp.contains(pg) or pg.intersection(g).area > 0.5 * self.p_area[j]:
                    codes[j] = code
        self.p_code = codes
        self.p_tree, self.p_ident = tree, ident

    # ---- red line ----------------------------------------------------------------------------
    def build_redline(self):
        rng = rng_for(self.seed, 'redline')
        P = self.progress
        npar = len(self.parcels)
        allowed = np.array([c in REDLINE_ALLOWED for c in self.p_code])
        self.p_allowed = allowed
        target = (PLAN_REDLINE_HA * self.county_geo_ha / OFFICIAL_COUNTY_HA) * 1e4
        target *= self.county_planar_ha / self.county_geo_ha
        self.redline_target_planar = target
        lab = np.full(npar, -1)
        self.rl_label = lab
        # the protected areas go in first (their excluded farmland and villages stay out)
        for ri, got in self.res_order.items():
            spec = RESERVES[ri]
            a = np.cumsum(self.p_area[got])
            tot = a[-1] if len(a) else 0.0
            for j, cum in zip(got, a):
                z = self.reserve_zone.get(j, '')
                if allowed[j] and (z in ('核心区', '缓冲区') or cum <= spec['keep'] * tot):
                    lab[j] = ri
        area = self.p_area[lab >= 0].sum()
        low = self.lookup(self.low, self.p_xy)
        noise = self.lookup(self.noise2, self.p_xy)

        def free_for(j, c):
            if lab[j] >= 0 or not allowed[j] or self.p_water[j]:
                return False
            for q in self.nbrs[j]:
                if lab[q] >= 0 and lab[q] != c:
                    return False
            return True

        # seeds in the hills, spread out
        order = rng.permutation(npar)
        seeds = []
        for j in order:
            if len(seeds) >= 50:
                break
            if not allowed[j] or low[j] > 0.25 or lab[j] >= 0 or self.p_water[j]:
                continue
            if any(lab[q] >= 0 for q in self.nbrs[j]):
                continue
            if seeds and np.min(np.hypot(*(self.p_xy[seeds] - self.p_xy[j]).T)) < 5000:
                continue
            seeds.append(int(j))
        remaining = max(target - area, 0.0)
        sizes = rng.lognormal(0.0, 0.9, len(seeds))
        sizes = sizes / sizes.sum() * remaining * 0.9
        clusters = {}
        for k, (s, sz) in enumerate(zip(seeds, sizes)):
            c = 100 + k
            if area >= target:
                break
            sx, sy = self.p_xy[s]

            def prio(j, sx=sx, sy=sy):
                return (math.hypot(self.p_xy[j, 0] - sx, self.p_xy[j, 1] - sy) * (1 + 0.5 * noise[j])
                        + 4000.0 * low[j])

            got = self.grow([s], min(sz, target - area), prio, lambda j, c=c: free_for(j, c), lab, c)
            clusters[c] = got
            area += self.p_area[got].sum()
        rounds = 0
        while area < target and rounds < 20:
            rounds += 1
            before = area
            for c in sorted(clusters):
                if area >= target:
                    break
                mem = clusters[c]
                if not mem:
                    continue
                sx, sy = self.p_xy[mem[0]]

                def prio(j, sx=sx, sy=sy):
                    return (math.hypot(self.p_xy[j, 0] - sx, self.p_xy[j, 1] - sy) * (1 + 0.5 * noise[j])
                            + 4000.0 * low[j])

                front = sorted({q for j in mem for q in self.nbrs[j] if lab[q] < 0})
                extra = min(self.p_area[mem].sum() * 0.5, target - area)
                got = self.grow(front, extra, prio, lambda j, c=c: free_for(j, c), lab, c)
                mem.extend(got)
                area += self.p_area[got].sum()
            if area <= before:
                break
        if area < target:
            self.notes.append('redline: growth stopped %.1f ha short of the target' % ((target - area) / 1e4))
        self.rl_clusters = clusters
        P('redline: %d parcels selected' % int((lab >= 0).sum()))
        self.redline_feats = self.dissolve_redline(lab, rng)
        # the parts do not overlap (they may touch): enough for point-in-polygon tests
        self.redline_multi = MultiPolygon([f['geom'] for f in self.redline_feats])

    def cluster_type(self, c, rng, ys):
        if c < 100:
            return {0: '水源涵养', 1: '生物多样性维护', 2: '生物多样性维护', 3: '水源涵养',
                    4: '生物多样性维护'}[c]
        sy = self.to_gk.transform(*COUNTY_SEAT_LONLAT)[1]
        if ys < sy - 10000:
            p = [0.55, 0.30, 0.15]
        else:
            p = [0.25, 0.50, 0.25]
        return HXLX_TYPES[int(rng.choice(3, p=p))]

    def place_name(self, x, y):
        k = int(np.argmin(np.hypot(self.towns[:, 0] - x, self.towns[:, 1] - y)))
        return TOWNSHIPS[k]

    def dissolve_redline(self, lab, rng):
        feats = []
        for c in sorted(set(lab[lab >= 0].tolist())):
            mem = np.nonzero(lab == c)[0]
            u = unary_union([self.parcels[j] for j in mem])
            parts = sorted(polys_of(u), key=lambda p: (-p.area, p.bounds))
            ys = float(np.mean(self.p_xy[mem, 1]))
            hxlx = self.cluster_type(c, rng, ys)
            # which parcels lie in which part
            pp = [prep(p) for p in parts]
            owner = {}
            for j in mem:
                rp = self.parcels[j].representative_point()
                for k, q in enumerate(pp):
                    if q.contains(rp):
                        owner.setdefault(k, []).append(int(j))
                        break
            for k, p in enumerate(parts):
                if c < 100:
                    place = RESERVE_PLACE[RESERVES[c]['key']]
                else:
                    rpt = p.representative_point()
                    place = self.place_name(rpt.x, rpt.y)
                feats.append(dict(geom=p, hxlx=hxlx, place=place, cluster=c,
                                  parcels=owner.get(k, [])))
        for n, f in enumerate(feats):
            f['bsm'] = '%s21%06d' % (XZQDM, n + 1)
            f['hxmc'] = '%s%s生态保护红线' % (f['place'], f['hxlx'])
        return feats

    # ---- later versions ----------------------------------------------------------------------
    def reexport(self, g, rng):
        """Round trip through geographic coordinates and round to 1 mm, as another tool's
        export would; the ring start may move."""
        def ring(r):
            a = np.asarray(r.coords)[:-1]
            lon, lat = self.to_geo.transform(a[:, 0], a[:, 1])
            X, Y = self.to_gk.transform(lon, lat)
            b = np.round(np.column_stack([X, Y]), 3)
            if rng.random() < 0.3:
                b = np.roll(b, int(rng.integers(len(b))), axis=0)
            return b
        out = []
        for p in polys_of(g):
            out.append(Polygon(ring(p.exterior), [ring(h) for h in p.interiors]))
        m = MultiPolygon(out)
        return m

    def build_versions(self):
        rng = rng_for(self.seed, 'v2024')
        base = self.redline_feats
        nf = len(base)
        lab = self.rl_label.copy()
        areas = np.array([f['geom'].area for f in base])
        base_total = areas.sum()
        cand = [i for i, f in enumerate(base) if f['cluster'] >= 100]
        lo, hi = np.percentile(areas, [20, 80]) if nf else (0, 0)
        mid = [i for i in cand if lo <= areas[i] <= hi]
        rng.shuffle(mid)
        n_rm = max(2, round(0.03 * nf))
        removed = sorted(mid[:n_rm])
        rest = [i for i in cand if i not in removed]
        rng.shuffle(rest)
        n_rc = max(3, round(0.05 * nf))
        reclass = sorted(rest[:n_rc])
        n_ex = max(1, round(0.02 * nf))
        expand = [i for i in rest[n_rc:] if areas[i] >= lo]
        for i in removed:
            for j in base[i]['parcels']:
                lab[j] = -1
        allowed = self.p_allowed
        noise = self.lookup(self.noise2, self.p_xy)

        def free_for(j, c):
            if lab[j] >= 0 or not allowed[j]:
                return False
            return all(lab[q] < 0 or lab[q] == c for q in self.nbrs[j])

        new_geom = {}
        grown_area = 0.0
        for i in expand:
            if len(new_geom) >= n_ex:
                break
            f = base[i]
            c = 5000 + i
            for j in f['parcels']:
                lab[j] = c
            front = sorted({q for j in f['parcels'] for q in self.nbrs[j] if lab[q] < 0})
            cx, cy = f['geom'].centroid.coords[0]
            got = self.grow(front, areas[i] * rng.uniform(0.1, 0.3),
                            lambda j: math.hypot(self.p_xy[j, 0] - cx, self.p_xy[j, 1] - cy),
                            lambda j, c=c: free_for(j, c), lab, c)
            if got:
                g = unary_union([f['geom']] + [self.parcels[j] for j in got])
                ps = polys_of(g)
                if len(ps) == 1:
                    new_geom[i] = ps[0]
                    grown_area += self.p_area[got].sum()
                else:
                    for j in got:
                        lab[j] = -1
            for j in f['parcels']:
                lab[j] = base[i]['cluster']
        removed_area = areas[removed].sum()
        add_target = removed_area - grown_area + rng.uniform(0.003, 0.008) * base_total
        add_target = max(add_target, 0.004 * base_total)
        low = self.lookup(self.low, self.p_xy)
        order = rng.permutation(len(self.parcels))
        added = []
        got_area = 0.0
        tries = 0
        for j in order:
            if got_area >= add_target or tries > 40:
                break
            if not free_for(j, -99) or low[j] > 0.45:
                continue
            if any(lab[q] >= 0 for q in self.nbrs[j]):
                continue
            tries += 1
            c = 9000 + len(added)
            sx, sy = self.p_xy[j]
            want = min(add_target - got_area, add_target * rng.uniform(0.15, 0.35))
            got = self.grow([int(j)], want,
                            lambda q: math.hypot(self.p_xy[q, 0] - sx, self.p_xy[q, 1] - sy) * (1 + 0.5 * noise[q]),
                            lambda q, c=c: free_for(q, c), lab, c)
            if not got:
                continue
            g = unary_union([self.parcels[q] for q in got])
            for p in polys_of(g):
                added.append(p)
            got_area += self.p_area[got].sum()
        # compose 2024
        feats = []
        for i, f in enumerate(base):
            if i in removed:
                continue
            hxlx = f['hxlx']
            if i in reclass:
                hxlx = HXLX_TYPES[(HXLX_TYPES.index(hxlx) + 1 + int(rng.integers(2))) % 3]
            g = new_geom.get(i, f['geom'])
            feats.append(dict(bsm=f['bsm'], hxlx=hxlx, hxmc='%s%s生态保护红线' % (f['place'], hxlx),
                              geom=g, status='expanded' if i in new_geom else
                              ('reclassified' if i in reclass else 'same'), cluster=f['cluster']))
        nb = len(base)
        for k, p in enumerate(added):
            rpt = p.representative_point()
            place = self.place_name(rpt.x, rpt.y)
            hxlx = HXLX_TYPES[int(rng.integers(3))]
            feats.append(dict(bsm='%s21%06d' % (XZQDM, nb + k + 1), hxlx=hxlx,
                              hxmc='%s%s生态保护红线' % (place, hxlx), geom=p, status='added',
                              cluster=-1))
        fixed = 0
        for f in feats:
            g = self.reexport(f['geom'], rng)
            if not g.is_valid:
                g = as_multi(g.buffer(0))
                fixed += 1
            f['geom'] = g
        if fixed:
            self.notes.append('redline_2024: %d features invalid after rounding, rebuilt' % fixed)
        perm = rng.permutation(len(feats))
        self.redline_2024 = [feats[i] for i in perm]
        a24 = sum(f['geom'].area for f in self.redline_2024)
        if a24 < base_total:
            self.notes.append('redline_2024: WARNING area below the baseline')
        # the cut version: enough removed to fall about 1-2 % below the baseline
        need = a24 - 0.99 * base_total
        cands = [k for k, f in enumerate(self.redline_2024) if f['status'] == 'same'
                 and f['cluster'] >= 100]
        rng.shuffle(cands)
        areas24 = [f['geom'].area for f in self.redline_2024]
        first = [k for k in cands if areas24[k] <= 0.01 * base_total]
        # at tiny scales the polygons are coarse: fall back to any polygon, smallest first
        rest = sorted((k for k in range(len(areas24)) if k not in set(first)),
                      key=lambda k: (areas24[k], k))
        cut, cum = set(), 0.0
        for k in first + rest:
            if cum >= need:
                break
            cut.add(k)
            cum += areas24[k]
        self.redline_2024_cut = [f for k, f in enumerate(self.redline_2024) if k not in cut]
        self.version_notes = dict(removed=len(removed), reclassified=len(reclass),
                                  expanded=len(new_geom), added=len(added), cut=len(cut))

    # ---- reserves features -------------------------------------------------------------------
    def build_reserve_features(self):
        self.reserve_feats = []
        self.reserve_feats_2024 = []
        n = 0
        for ri, spec in enumerate(RESERVES):
            got = self.res_order[ri]
            zones = {}
            for j in got:
                zones.setdefault(self.reserve_zone[j], []).append(j)
            zorder = ['核心区', '缓冲区', '实验区'] if spec['zoned'] else [z for z in zones]
            z24 = {z: list(v) for z, v in zones.items()}
            if spec['zoned']:
                # 2024: the southern part of the core zone is downgraded to buffer zone
                core = z24['核心区']
                ys = sorted(core, key=lambda j: (self.p_xy[j, 1], j))
                a = np.cumsum(self.p_area[ys])
                moved = [j for j, c in zip(ys, a) if c <= 0.15 * a[-1]] or ys[:1]
                z24['核心区'] = [j for j in core if j not in set(moved)]
                z24['缓冲区'] = z24['缓冲区'] + moved
            if spec['key'] == 'hcs':
                # 2024: the forest park loses its outermost parcels (about 5 %)
                a = np.cumsum(self.p_area[got])
                lost = set(j for j, c in zip(got, a) if c > 0.95 * a[-1])
                for z in z24:
                    z24[z] = [j for j in z24[z] if j not in lost]
            for z in zorder:
                n += 1
                bsm = '%s31%04d' % (XZQDM, n)
                g = as_multi(unary_union([self.parcels[j] for j in zones[z]]))
                rec = dict(bsm=bsm, name=spec['name'], lx=spec['lx'], jb=spec['jb'], zone=z)
                self.reserve_feats.append(dict(rec, geom=g))
                if z24.get(z):
                    g2 = as_multi(unary_union([self.parcels[j] for j in z24[z]]))
                    self.reserve_feats_2024.append(dict(rec, geom=g2))

    # ---- mines -------------------------------------------------------------------------------
    def build_mines(self):
        rng = rng_for(self.seed, 'mines')
        n_target = 150
        total = PLAN_MINES_MU * MU_M2 * (self.county_planar_ha / self.county_geo_ha)
        sizes = np.clip(rng.lognormal(0.0, 0.75, n_target), 0.08, 8.0)
        sizes = sizes / sizes.sum() * total
        rlp = prep(self.redline_multi)
        block = prep(unary_union([self.channel_all.buffer(20), self.reserves_all]))
        minx, miny, maxx, maxy = self.county.bounds
        # mining districts
        districts = []
        while len(districts) < 7:
            x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
            if not self.county_prep.contains(Point(x, y).buffer(3000)):
                continue
            if rlp.contains(Point(x, y)):
                continue
            lowv = self.lookup(self.low, np.array([[x, y]]))[0]
            if not 0.1 < lowv < 0.6 or self.lookup(self.d_seat, np.array([[x, y]]))[0] < 6000:
                continue
            if districts and min(math.hypot(x - a, y - b) for a, b, _ in districts) < 8000:
                continue
            kind = MINE_TYPES[len(districts) % len(MINE_TYPES)]
            districts.append((x, y, kind))
        n_over = 6
        placed = []
        sites = []          # (name, x, y)
        site_count = {}
        for k, a in enumerate(sizes):
            over = k < n_over
            ok = None
            for attempt in range(600):
                if over:
                    f = self.redline_feats[int(rng.integers(len(self.redline_feats)))]
                    ring = f['geom'].exterior
                    pt = ring.interpolate(rng.uniform(0, ring.length))
                    cx, cy = pt.x, pt.y
                    dname = None
                elif sites and rng.random() < 0.45:
                    s = sites[int(rng.integers(len(sites)))]
                    cx, cy = s[1] + rng.normal(0, 250), s[2] + rng.normal(0, 250)
                    dname = ('site', s)
                else:
                    d = districts[int(rng.integers(len(districts)))]
                    cx, cy = d[0] + rng.normal(0, 2500), d[1] + rng.normal(0, 2500)
                    dname = ('district', d)
                g = blob(rng, cx, cy, a, nv=int(rng.integers(14, 28)), irregular=0.6,
                         elong=rng.uniform(1.0, 2.2))
                if not self.county_prep.contains(g) or block.intersects(g):
                    continue
                if over != rlp.intersects(g):
                    continue
                if over and rlp.contains(g):
                    continue
                if any(g.distance(q) < 10 for q, _ in placed):
                    continue
                ok = g
                break
            if ok is None:
                continue
            if dname is None or dname[0] == 'district':
                # a new mine site
                rpt = ok.representative_point()
                kind = dname[1][2] if dname else MINE_TYPES[int(rng.integers(len(MINE_TYPES)))]
                place = self.place_name(rpt.x, rpt.y)
                site_count[place] = site_count.get(place, 0) + 1
                name = '会昌县%s%d号废弃%s' % (place, site_count[place], kind)
                site = (name, rpt.x, rpt.y)
                sites.append(site)
            else:
                site = dname[1]
            placed.append((ok, site[0]))
        # years and status: about 60 % restored by the end of 2022
        order = rng.permutation(len(placed))
        years = np.empty(len(placed), dtype=int)
        cum = np.cumsum([placed[i][0].area for i in order]) / sum(g.area for g, _ in placed)
        bounds = [(0.10, 2019), (0.25, 2020), (0.42, 2021), (0.60, 2022), (0.76, 2023), (0.90, 2024),
                  (1.01, 2025)]
        for i, c in zip(order, cum):
            for b, y in bounds:
                if c <= b:
                    years[i] = y
                    break
        feats = []
        for i, (g, name) in enumerate(placed):
            y = int(years[i])
            r = rng.random()
            if y <= 2022:
                st = '已修复' if r < 0.95 else '修复中'
            elif y == 2023:
                st = '已修复' if r < 0.5 else '修复中'
            elif y == 2024:
                st = '修复中' if r < 0.7 else ('已修复' if r < 0.9 else '未修复')
            else:
                st = '未修复' if r < 0.6 else '修复中'
            feats.append(dict(bsm='%s41%04d' % (XZQDM, i + 1), name=name, year=y, status=st,
                              geom=as_multi(g)))
        self.mine_feats = feats
        # parcels mostly under a mine become mining land
        for f in feats:
            g = f['geom']
            for pg in self.p_tree.query(g):
                j = self.p_ident[id(pg)]
                if not self.p_water[j] and pg.intersection(g).area > 0.5 * self.p_area[j]:
                    self.p_code[j] = '0602'

    # ---- shoreline ---------------------------------------------------------------------------
    def build_shoreline(self):
        rng = rng_for(self.seed, 'shoreline')
        feats = []
        done = None
        for name in ('贡水', '湘江', '绵江'):
            line = self.rivers[name]
            lines = list(line.geoms) if line.geom_type == 'MultiLineString' else [line]
            w = RIVER_CHANNEL_HW[name] + RIVER_SHORE_W[name]
            for ln in lines:
                strip = ln.buffer(w, 8).difference(self.channel_all).intersection(self.county)
                if done is not None:
                    strip = strip.difference(done)
                strip = as_multi(strip)
                if strip.is_empty:
                    continue
                cuts, s = [], 0.0
                while True:
                    s += rng.uniform(600, 2500)
                    if s >= ln.length - 300:
                        break
                    cuts.append(s)
                pieces = cut_strip(strip, ln, cuts, w * 1.6)
                for i in sorted(pieces):
                    g = unary_union(pieces[i])
                    for p in sorted(polys_of(g), key=lambda p: p.bounds):
                        if p.area < 200:
                            continue
                        mid = (cuts[i - 1] if i > 0 else 0.0, cuts[i] if i < len(cuts) else ln.length)
                        feats.append(dict(geom=p, river=name, s=(mid[0] + mid[1]) / 2, line=ln))
            u = unary_union([ln.buffer(w, 8) for ln in lines])
            done = u if done is None else unary_union([done, u])
        # zones: development and controlled use near the market towns, the rest protected or
        # reserved
        total = sum(f['geom'].area for f in feats)
        towns = [self.to_gk.transform(*COUNTY_SEAT_LONLAT)]
        for t in self.towns[1:]:
            if min(self.rivers[n].distance(Point(t)) for n in self.rivers) < 2500:
                towns.append(tuple(t))
        def dtown(f):
            c = f['geom'].centroid
            return min(math.hypot(c.x - x, c.y - y) for x, y in towns[:3])
        order = sorted(range(len(feats)), key=lambda k: (dtown(feats[k]), k))
        share = 1.0 - PLAN_SHORE_RATE
        cum, chosen = 0.0, []
        for k in order:
            a = feats[k]['geom'].area / total
            if cum + a / 2 > share:
                break
            chosen.append(k)
            cum += a
        dev = set(chosen[: len(chosen) * 2 // 5])
        ctl = set(chosen) - dev
        resp, rlp = prep(self.reserves_all), prep(self.redline_multi)
        for k, f in enumerate(feats):
            if k in dev:
                z = '岸线开发利用区'
            elif k in ctl:
                z = '岸线控制利用区'
            elif (resp.contains(f['geom'].representative_point())
                  or rlp.contains(f['geom'].representative_point()) or rng.random() < 0.35):
                z = '岸线保护区'
            else:
                z = '岸线保留区'
            f['zone'] = z
        for n, f in enumerate(feats):
            f['bsm'] = '%s51%04d' % (XZQDM, n + 1)
            f['geom'] = as_multi(f['geom'])
            # the bank line: the part of the boundary along the water
            edge = f['geom'].boundary.intersection(self.channel_all.boundary.buffer(0.01))
            parts = [g for g in (edge.geoms if hasattr(edge, 'geoms') else [edge])
                     if g.geom_type in ('LineString', 'MultiLineString') and g.length > 1.0]
            ml = linemerge(parts) if parts else MultiLineString()
            if ml.geom_type == 'LineString':
                ml = MultiLineString([ml])
            f['bank'] = ml
        self.shore_feats = feats

    # ---- wetland features --------------------------------------------------------------------
    def build_wetland_features(self):
        feats = []
        cnt = {}
        for g, lx, river in self.wetland_river:
            cnt[river] = cnt.get(river, 0) + 1
            feats.append(dict(geom=as_multi(g), lx=lx, name='%s河流湿地第%d段' % (river, cnt[river])))
        for g, lx, code in self.wetland_blobs:
            rp = g.representative_point()
            place = self.place_name(rp.x, rp.y)
            kind = {'1103': '水库湿地', '1104': '山塘湿地', '1102': '湖泊湿地', '1108': '沼泽湿地'}[code]
            key = (place, kind)
            cnt[key] = cnt.get(key, 0) + 1
            k = cnt[key]
            num = '' if k == 1 else ('%s号' % '〇一二三四五六七八九十'[k] if k <= 10 else '%d号' % k)
            name = '%s%s%s' % (place, num, kind)
            feats.append(dict(geom=as_multi(g), lx=lx, name=name))
        for n, f in enumerate(feats):
            f['bsm'] = '%s61%04d' % (XZQDM, n + 1)
        self.wetland_feats = feats

    # ---- 永久基本农田 and 城镇开发边界 ---------------------------------------------------------
    # Built last, from their own random streams, reading the other layers but changing none of
    # them: the existing layers stay identical.
    def select_farmland(self):
        rng = rng_for(self.seed, 'farmland')
        self.farm_rng = rng
        npar = len(self.parcels)
        # one draw per parcel whatever its code, so that one parcel's choice moves no other
        u = rng.random(npar)
        low = self.lookup(self.low, self.p_xy).astype(float)
        self.f_zldj = np.clip(np.rint(3.0 + 8.0 * (1.0 - low) + rng.normal(0.0, 1.3, npar)),
                              1, 15).astype(int)
        is_farm = np.array([c in FARMLAND_CODES for c in self.p_code])
        dseat = self.lookup(self.d_seat, self.p_xy)
        self.f_perm = (is_farm & (u < FARMLAND_KEEP) & (dseat >= FARMLAND_SEAT_GAP)
                       & (self.rl_label < 0) & ~self.p_water)
        self.n_farm_parcels = int(is_farm.sum())

    def touching(self, j, q, min_len=1.0):
        """True when parcels j and q share an edge at least min_len metres long."""
        return self.parcels[j].intersection(self.parcels[q]).length >= min_len

    def build_urban(self):
        rng = rng_for(self.seed, 'urban')
        npar = len(self.parcels)
        sx, sy = self.to_gk.transform(*COUNTY_SEAT_LONLAT)
        if not self.county_prep.contains(Point(sx, sy)):
            raise SystemExit('urban: the county seat %s lies outside the county' % (COUNTY_SEAT_LONLAT,))
        inrl = self.rl_label >= 0
        blocked = inrl | self.f_perm
        lab = np.full(npar, -1)
        k = self.county_planar_ha / self.county_geo_ha      # targets are geodesic, growth planar
        dseat = np.hypot(self.p_xy[:, 0] - sx, self.p_xy[:, 1] - sy)
        built = np.array([c in URBAN_BUILT for c in self.p_code])
        green = np.array([c[:2] in ('03', '04', '11') for c in self.p_code])
        noise = self.lookup(self.noise2, self.p_xy)
        low = self.lookup(self.low, self.p_xy)

        def free(j):
            return lab[j] < 0 and not blocked[j]

        def front(members):
            return sorted({q for j in members for q in self.nbrs[j] if free(q)})

        seat = self.nearest_parcel(sx, sy, ok=~blocked)
        core = self.grow([seat], URBAN_CORE_HA * 1e4 * k,
                         lambda j: dseat[j] * (1.0 if built[j] else 1.5) * (1 + 0.3 * noise[j]),
                         free, lab, 0)
        # the industrial park: the most valley-like free parcel 3.5-6.5 km from the seat
        cand = np.nonzero((dseat > 3500) & (dseat < 6500) & ~blocked & (lab < 0) & ~self.p_water)[0]
        park = []
        if len(cand):
            ps = int(cand[np.argmax(low[cand] + 0.01 * rng.random(len(cand)))])
            px, py = self.p_xy[ps]
            park = self.grow([ps], URBAN_PARK_HA * 1e4 * k,
                             lambda j: math.hypot(self.p_xy[j, 0] - px, self.p_xy[j, 1] - py)
                             * (1.0 if built[j] else 1.3), free, lab, 1)
        # 弹性发展区 towards the nearest red line (so that its edge meets it)
        rl_grid = rasterize([self.redline_multi], self.gshape,
                            (self.x0, GRID, 0.0, self.y1, 0.0, -GRID), True)
        d_rl = self.lookup(ndimage.distance_transform_edt(~rl_grid) * GRID, self.p_xy)
        elastic = self.grow(front(core), URBAN_ELASTIC_HA * 1e4 * k,
                            lambda j: d_rl[j] + 0.2 * dseat[j], free, lab, 2)
        special = self.grow(front(core), URBAN_SPECIAL_HA * 1e4 * k,
                            lambda j: dseat[j] * (1.0 if green[j] else 2.0), free, lab, 3)
        # on purpose: the 集中建设区 takes in a few permanent farmland parcels next to it
        near = sorted({q for j in core for q in self.nbrs[j]
                       if self.f_perm[q] and lab[q] < 0 and self.touching(j, q, 20.0)})
        rng.shuffle(near)
        swallowed = sorted(near[:URBAN_OVER_FARMLAND])
        for q in swallowed:
            lab[q] = 0
        if len(swallowed) < URBAN_OVER_FARMLAND:
            self.notes.append('urban: only %d farmland parcels next to the town to take in'
                              % len(swallowed))
        # on purpose: the 弹性发展区 bulges into the red line by URBAN_INTO_REDLINE_HA
        bulge, bulge_rl = None, []
        for zone in (elastic, core):
            adj = sorted({q for j in zone for q in self.nbrs[j] if inrl[q] and self.touching(j, q, 50.0)})
            if adj:
                zg = unary_union([self.parcels[j] for j in zone])
                rg = unary_union([self.parcels[q] for q in adj])
                edge = zg.intersection(rg)
                edge = linemerge([g for g in getattr(edge, 'geoms', [edge]) if g.geom_type == 'LineString'])
                longest = max(getattr(edge, 'geoms', [edge]), key=lambda g: g.length)
                c = longest.interpolate(0.5, normalized=True)
                want = URBAN_INTO_REDLINE_HA * 1e4 * k
                lo, hi = 1.0, 2000.0
                for _ in range(60):
                    r = (lo + hi) / 2
                    if rg.intersection(c.buffer(r, 16)).area < want:
                        lo = r
                    else:
                        hi = r
                bulge = rg.intersection(c.buffer(hi, 16))
                bulge_rl = adj
                self.bulge_zone = 2 if zone is elastic else 0
                break
        if bulge is None:
            self.notes.append('urban: no zone meets the red line; no deliberate crossing')
            self.bulge_zone = None
        self.urban_bulge, self.urban_bulge_rl = bulge, bulge_rl
        self.urban_label = lab
        self.urban_swallowed = swallowed
        place = self.place_name(*self.p_xy[park[0]]) if park else ''
        specs = [(0, '会昌县城集中建设区', '集中建设区'),
                 (1, '会昌县%s工业园集中建设区' % place, '集中建设区'),
                 (2, '会昌县城弹性发展区', '弹性发展区'),
                 (3, '会昌县城特别用途区', '特别用途区')]
        feats = []
        for z, mc, gnfq in specs:
            mem = np.nonzero(lab == z)[0]
            if not len(mem):
                continue
            g = unary_union([self.parcels[j] for j in mem])
            if bulge is not None and z == self.bulge_zone:
                g = unary_union([g, bulge])
            feats.append(dict(zone=z, mc=mc, gnfq=gnfq, geom=as_multi(g)))
        for n, f in enumerate(feats):
            f['bsm'] = '%s81%04d' % (XZQDM, n + 1)
        self.urban_feats = feats

    def build_farmland(self):
        rng = self.farm_rng
        npar = len(self.parcels)
        inrl = self.rl_label >= 0
        ulab = self.urban_label
        bulge_rl = set(self.urban_bulge_rl)
        # on purpose (a): red-line parcels still recorded as farmland (dry land returned to
        # forest, 退耕还林, but kept in the farmland delineation): wholly inside the red line
        cand = [q for q in range(npar)
                if inrl[q] and not self.p_water[q] and self.p_code[q] in ('0301', '0305', '0307', '0404')
                and q not in bulge_rl and all(ulab[j] < 0 for j in self.nbrs[q])
                and any(self.f_perm[j] for j in self.nbrs[q])]
        cand.sort(key=lambda q: (self.p_area[q], q))
        cand = cand[:10]
        rng.shuffle(cand)
        inside = sorted(cand[:FARMLAND_IN_REDLINE])
        # on purpose (b): farmland parcels whose outline reaches a few tens of metres into the
        # red line next to them (drawn on older, coarser data)
        taken = set(inside) | bulge_rl
        cand = []
        for j in range(npar):
            if not self.f_perm[j] or ulab[j] >= 0:
                continue
            rn = [q for q in self.nbrs[j] if inrl[q]]
            if rn and not (set(rn) & taken) and any(self.touching(j, q, 200.0) for q in rn):
                cand.append(j)
        rng.shuffle(cand)
        reach = {}
        for j in cand:
            if len(reach) >= FARMLAND_INTO_REDLINE:
                break
            rn = [q for q in self.nbrs[j] if inrl[q]]
            if set(rn) & taken:
                continue
            d = float(rng.uniform(20.0, 35.0))
            piece = self.parcels[j].buffer(d, 8).intersection(unary_union([self.parcels[q] for q in rn]))
            reach[j] = unary_union([self.parcels[j], piece])
            taken |= set(rn)
        if len(inside) < FARMLAND_IN_REDLINE or len(reach) < FARMLAND_INTO_REDLINE:
            self.notes.append('farmland: only %d parcels in and %d reaching into the red line'
                              % (len(inside), len(reach)))
        members = sorted(set(np.nonzero(self.f_perm)[0].tolist()) | set(inside))
        feats = []
        for n, j in enumerate(members):
            code = '0103' if j in inside else self.p_code[j]
            g = reach.get(j, self.parcels[j])
            feats.append(dict(parcel=j, bsm='%s71%06d' % (XZQDM, n + 1), code=code,
                              geom=as_multi(g), zldj=int(self.f_zldj[j]),
                              conflict='inside' if j in inside else ('reach' if j in reach else '')))
        area = self.survey_m2([f['geom'] for f in feats])
        plain = [k for k, f in enumerate(feats) if not f['conflict']
                 and f['parcel'] not in self.urban_swallowed]
        wrong = sorted(rng.choice(len(plain), size=min(len(plain), len(FARMLAND_TBMJ_ERRORS)),
                                  replace=False).tolist()) if plain else []
        for k, f in enumerate(feats):
            f['tbmj'] = round(float(area[k]), 2)
            f['tbmj_error'] = 0.0
        for w, e in zip(wrong, FARMLAND_TBMJ_ERRORS):
            f = feats[plain[w]]
            f['tbmj'] = round(float(area[plain[w]]) * (1 + e), 2)
            f['tbmj_error'] = e
        self.farmland_feats = feats

    def survey_m2(self, geoms):
        """The land-survey ellipsoidal area (二调/三调 formula, 国土调查办发〔2008〕32号) in m² of
        EPSG:4527 (multi)polygons: each ring edge in (B, L) contributes the ellipsoidal
        trapezoid to a fixed meridian (series in the first eccentricity squared); holes
        subtracted."""
        a = 6378137.0
        f = 1 / 298.257222101
        b = a * (1 - f)
        e2 = (a * a - b * b) / (a * a)
        e4, e6, e8 = e2 * e2, e2 ** 3, e2 ** 4
        A = 1 + e2 / 2 + 3 * e4 / 8 + 5 * e6 / 16 + 35 * e8 / 128
        B = e2 / 6 + 3 * e4 / 16 + 3 * e6 / 16 + 35 * e8 / 192
        C = 3 * e4 / 80 + e6 / 16 + 5 * e8 / 64
        D = e6 / 112 + 5 * e8 / 256
        E = 5 * e8 / 2304
        L0 = math.radians(117.0)
        out = np.zeros(len(geoms))
        for i, g in enumerate(geoms):
            for p in polys_of(g):
                for k, ring in enumerate([p.exterior] + list(p.interiors)):
                    c = np.asarray(ring.coords)
                    lon, lat = self.to_geo.transform(c[:, 0], c[:, 1])
                    L, Bl = np.radians(lon), np.radians(lat)
                    dB = Bl[1:] - Bl[:-1]
                    Bm = (Bl[1:] + Bl[:-1]) / 2
                    dL = (L[1:] + L[:-1]) / 2 - L0
                    s = (A * np.sin(dB / 2) * np.cos(Bm) - B * np.sin(3 * dB / 2) * np.cos(3 * Bm)
                         + C * np.sin(5 * dB / 2) * np.cos(5 * Bm) - D * np.sin(7 * dB / 2) * np.cos(7 * Bm)
                         + E * np.sin(9 * dB / 2) * np.cos(9 * Bm))
                    ring_area = abs(2 * b * b * float(np.sum(dL * s)))
                    out[i] += ring_area if k == 0 else -ring_area
        return out

    # ---- statistics --------------------------------------------------------------------------
    def geodesic_ha(self, geoms):
        """Geodesic (Karney) areas in ha of EPSG:4527 (multi)polygons, one per geometry."""
        rings, sign, owner = [], [], []
        for i, g in enumerate(geoms):
            for p in polys_of(g):
                rings.append(np.asarray(p.exterior.coords))
                sign.append(1.0)
                owner.append(i)
                for h in p.interiors:
                    rings.append(np.asarray(h.coords))
                    sign.append(-1.0)
                    owner.append(i)
        out = np.zeros(len(geoms))
        if not rings:
            return out
        lens = [len(r) for r in rings]
        allc = np.concatenate(rings)
        lon, lat = self.to_geo.transform(allc[:, 0], allc[:, 1])
        pos = 0
        for r, s, o in zip(lens, sign, owner):
            a, _ = self.geod.polygon_area_perimeter(lon[pos:pos + r], lat[pos:pos + r])
            out[o] += s * abs(a)
            pos += r
        return out / 1e4

    # ---- everything ------------------------------------------------------------------------------
    def run(self):
        P = self.progress
        P('loading boundary and rivers')
        self.load_boundary()
        self.load_rivers()
        P('helper rasters')
        self.build_fields()
        self.build_parcels()
        P('%d parcels; reserves' % len(self.parcels))
        self.build_reserves()
        P('wetlands')
        self.build_wetlands()
        P('land use')
        self.assign_landuse()
        P('red line')
        self.build_redline()
        P('2024 versions')
        self.build_versions()
        self.build_reserve_features()
        P('mines')
        self.build_mines()
        P('shoreline')
        self.build_shoreline()
        self.build_wetland_features()
        P('permanent farmland and urban development boundary')
        self.select_farmland()
        self.build_urban()
        self.build_farmland()

    def layers(self):
        S = ogr.OFTString
        L = []
        L.append(dict(name='county', desc='会昌县行政区（真实边界）', gtype=ogr.wkbMultiPolygon,
                      fields=[('XZQDM', S, 12), ('XZQMC', S, 40)],
                      feats=[(as_multi(self.county), [XZQDM, XZQMC])]))
        L.append(dict(name='parcels', desc='地类图斑（合成）', gtype=ogr.wkbMultiPolygon,
                      fields=[('BSM', S, 18), ('DLBM', S, 5), ('DLMC', S, 40)],
                      feats=[(as_multi(g), ['%s%09d' % (XZQDM, j + 1), c, DLMC[c]])
                             for j, (g, c) in enumerate(zip(self.parcels, self.p_code))]))
        rl_fields = [('BSM', S, 18), ('HXMC', S, 100), ('HXLX', S, 30)]
        L.append(dict(name='redline', desc='生态保护红线（合成）', gtype=ogr.wkbMultiPolygon,
                      fields=rl_fields,
                      feats=[(as_multi(f['geom']), [f['bsm'], f['hxmc'], f['hxlx']])
                             for f in self.redline_feats]))
        L.append(dict(name='redline_2024', desc='生态保护红线2024版（合成，1毫米取整导出）',
                      gtype=ogr.wkbMultiPolygon, fields=rl_fields,
                      feats=[(f['geom'], [f['bsm'], f['hxmc'], f['hxlx']]) for f in self.redline_2024]))
        L.append(dict(name='redline_2024_cut', desc='生态保护红线2024版（面积减少，合成）',
                      gtype=ogr.wkbMultiPolygon, fields=rl_fields,
                      feats=[(f['geom'], [f['bsm'], f['hxmc'], f['hxlx']])
                             for f in self.redline_2024_cut]))
        rf = [('BSM', S, 18), ('BHDMC', S, 60), ('BHDLX', S, 20), ('JB', S, 10), ('GNFQ', S, 20)]
        for name, fs, desc in (('reserves', self.reserve_feats, '自然保护地（合成）'),
                               ('reserves_2024', self.reserve_feats_2024, '自然保护地2024版（合成）')):
            L.append(dict(name=name, desc=desc, gtype=ogr.wkbMultiPolygon, fields=rf,
                          feats=[(f['geom'], [f['bsm'], f['name'], f['lx'], f['jb'], f['zone']])
                                 for f in fs]))
        L.append(dict(name='mines', desc='矿山生态修复图斑（合成）', gtype=ogr.wkbMultiPolygon,
                      fields=[('BSM', S, 18), ('KSMC', S, 80), ('XFND', ogr.OFTInteger, 4),
                              ('XFZT', S, 10)],
                      feats=[(f['geom'], [f['bsm'], f['name'], f['year'], f['status']])
                             for f in self.mine_feats]))
        sf = [('BSM', S, 18), ('HLMC', S, 20), ('GNFQ', S, 20)]
        L.append(dict(name='shoreline', desc='河湖岸线功能分区（沿真实河流合成）',
                      gtype=ogr.wkbMultiPolygon, fields=sf,
                      feats=[(f['geom'], [f['bsm'], f['river'], f['zone']]) for f in self.shore_feats]))
        L.append(dict(name='shoreline_line', desc='河湖岸线功能分区的临水岸线（线）',
                      gtype=ogr.wkbMultiLineString, fields=sf,
                      feats=[(f['bank'], [f['bsm'], f['river'], f['zone']]) for f in self.shore_feats
                             if not f['bank'].is_empty]))
        L.append(dict(name='wetlands', desc='湿地（合成）', gtype=ogr.wkbMultiPolygon,
                      fields=[('BSM', S, 18), ('SDMC', S, 60), ('SDLX', S, 20)],
                      feats=[(f['geom'], [f['bsm'], f['name'], f['lx']]) for f in self.wetland_feats]))
        L.append(dict(name='farmland', desc='永久基本农田（由耕地图斑合成，含故意冲突）',
                      gtype=ogr.wkbMultiPolygon,
                      fields=[('BSM', S, 18), ('TBBH', S, 18), ('DLBM', S, 5), ('DLMC', S, 40),
                              ('ZLDJ', ogr.OFTInteger, 2), ('TBMJ', ogr.OFTReal, 15, 2)],
                      feats=[(f['geom'], [f['bsm'], '%s%09d' % (XZQDM, f['parcel'] + 1), f['code'],
                                          DLMC[f['code']], f['zldj'], f['tbmj']])
                             for f in self.farmland_feats]))
        L.append(dict(name='urban', desc='城镇开发边界（县城周边合成，含故意冲突）',
                      gtype=ogr.wkbMultiPolygon,
                      fields=[('BSM', S, 18), ('MC', S, 60), ('GNFQ', S, 20)],
                      feats=[(f['geom'], [f['bsm'], f['mc'], f['gnfq']]) for f in self.urban_feats]))
        return L


# ------------------------------------------------------------------------------------------------
# output

def gk_srs():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG_GK)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def write_layer(ds, lay, srs, options):
    lyr = ds.CreateLayer(lay['name'], srs, lay['gtype'], options=options)
    for name, typ, width, *precision in lay['fields']:
        fd = ogr.FieldDefn(name, typ)
        fd.SetWidth(width)
        if precision:
            fd.SetPrecision(precision[0])
        lyr.CreateField(fd)
    defn = lyr.GetLayerDefn()
    lyr.StartTransaction()
    for geom, vals in lay['feats']:
        f = ogr.Feature(defn)
        for k, v in enumerate(vals):
            if v is None or v == '':
                f.SetFieldNull(k)      # empty means NULL in both formats (a DBF cannot tell)
            else:
                f.SetField(k, v)
        f.SetGeometry(ogr.CreateGeometryFromWkb(geom.wkb))
        lyr.CreateFeature(f)
    lyr.CommitTransaction()


def write_all(out_dir, layers, shapefiles, progress, meta):
    os.makedirs(out_dir, exist_ok=True)
    srs = gk_srs()
    gpkg = os.path.join(out_dir, 'huichang.gpkg')
    if os.path.exists(gpkg):
        os.remove(gpkg)
    progress('writing ' + gpkg)
    ds = ogr.GetDriverByName('GPKG').CreateDataSource(gpkg)
    ds.SetMetadata(meta)
    for lay in layers:
        write_layer(ds, lay, srs, ['GEOMETRY_NAME=geom', 'FID=fid', 'SPATIAL_INDEX=YES',
                                   'DESCRIPTION=' + lay['desc'], 'IDENTIFIER=' + lay['name']])
    ds = None
    if not shapefiles:
        return
    sdir = os.path.join(out_dir, 'shp')
    if os.path.isdir(sdir):
        shutil.rmtree(sdir)
    os.makedirs(sdir)
    progress('writing shapefiles to ' + sdir)
    drv = ogr.GetDriverByName('ESRI Shapefile')
    for lay in layers:
        path = os.path.join(sdir, lay['name'] + '.shp')
        ds = drv.CreateDataSource(path)
        write_layer(ds, lay, srs, ['ENCODING=GBK'])
        ds = None
        # the .cpg says GBK; also set the DBF language driver id to 77 (CP936) for readers
        # that look only at the DBF header
        with open(path[:-4] + '.dbf', 'r+b') as f:
            f.seek(29)
            f.write(bytes([77]))


def stats_lines(cty, layers):
    out = []
    out.append('%-18s %9s %14s %11s' % ('layer', 'count', 'area_ha', 'vertices'))
    areas = {}
    for lay in layers:
        geoms = [g for g, _ in lay['feats']]
        if lay['gtype'] == ogr.wkbMultiLineString:
            ln = sum(g.length for g in geoms) / 1000
            out.append('%-18s %9d %11.2f km %11d' % (lay['name'], len(geoms), ln,
                                                     sum(n_vertices(g) for g in geoms)))
            continue
        a = cty.geodesic_ha(geoms)
        areas[lay['name']] = a
        out.append('%-18s %9d %14.2f %11d' % (lay['name'], len(geoms), a.sum(),
                                              sum(n_vertices(g) for g in geoms)))
    out.append('(areas: geodesic on the CGCS2000 ellipsoid, computed by the generator with pyproj)')
    ca = areas['county'].sum()
    out.append('red line share of the county: %.3f %%' % (100 * areas['redline'].sum() / ca))
    out.append('redline_2024 - redline: %+.2f ha; redline_2024_cut - redline: %+.2f ha'
               % (areas['redline_2024'].sum() - areas['redline'].sum(),
                  areas['redline_2024_cut'].sum() - areas['redline'].sum()))
    out.append('mines: %.2f mu' % (areas['mines'].sum() * 15))
    parts = []
    inrl = cty.rl_label >= 0
    for ri, spec in enumerate(RESERVES):
        m = cty.res_label == ri       # both layers are unions of whole parcels
        a = cty.geodesic_ha([cty.reserve_geom[ri]])[0]
        parts.append('%s %.0f ha (%.0f %% in red line)'
                     % (spec['name'], a, 100 * cty.p_area[m & inrl].sum() / cty.p_area[m].sum()))
    out.append('reserves: ' + '; '.join(parts))
    vn = cty.version_notes
    out.append('2024 changes: %d removed, %d added, %d reclassified, %d expanded; cut version: '
               '%d more removed' % (vn['removed'], vn['added'], vn['reclassified'], vn['expanded'],
                                   vn['cut']))
    # land-use shares
    pa = areas['parcels']
    codes = np.array(cty.p_code, dtype=object)
    shares = sorted(((pa[codes == c].sum(), c) for c in sorted(set(codes.tolist()))), reverse=True)
    out.append('land use (share of parcel area): ' + ', '.join(
        '%s %s %.1f%%' % (c, DLMC[c], 100 * a / pa.sum()) for a, c in shares[:10]))
    forest = sum(a for a, c in shares if c.startswith('03'))
    out.append('forest land (03xx): %.1f %%; parcels vertices per parcel: median %d, '
               'p10 %d, p90 %d' % (100 * forest / pa.sum(),
                                   *np.percentile([n_vertices(g) for g in cty.parcels],
                                                  [50, 10, 90]).astype(int)))
    # shoreline and wetlands
    sa = areas['shoreline']
    zones = [f['zone'] for f in cty.shore_feats]
    prot = sum(a for a, z in zip(sa, zones) if z in ('岸线保护区', '岸线保留区'))
    out.append('shoreline: protected+reserved %.1f %% of %.2f ha' % (100 * prot / sa.sum(), sa.sum()))
    wl = unary_union([f['geom'] for f in cty.wetland_feats])
    win = wl.intersection(cty.reserves_all)
    wa, wi = cty.geodesic_ha([wl, win])
    out.append('wetlands: %.2f ha, %.2f ha inside reserves (%.1f %%)' % (wa, wi, 100 * wi / wa))
    out.extend(control_line_lines(cty, areas))
    return out


def geodesic_m(cty, line):
    """Geodesic length in metres of an EPSG:4527 (multi)line: consecutive vertices joined by
    geodesics on the CGCS2000 ellipsoid."""
    total = 0.0
    for part in getattr(line, 'geoms', [line]):
        c = np.asarray(part.coords)
        lon, lat = cty.to_geo.transform(c[:, 0], c[:, 1])
        total += cty.geod.line_length(lon, lat)
    return total


def control_line_lines(cty, areas):
    """Summary of the farmland and urban layers and of their deliberate conflicts."""
    out = []
    shore = [(geodesic_m(cty, f['bank']), f['zone']) for f in cty.shore_feats if not f['bank'].is_empty]
    tot = sum(m for m, _ in shore)
    prot = sum(m for m, z in shore if z in ('岸线保护区', '岸线保留区'))
    out.append('shoreline_line by length (geodesic): protected+reserved %.2f %% of %.2f km'
               % (100 * prot / tot, tot / 1000))
    ff = cty.farmland_feats
    off = ['%s (%+.1f %%)' % (f['bsm'], 100 * f['tbmj_error']) for f in ff if f['tbmj_error']]
    out.append('farmland: %d of the %d farmland parcels (0101/0102/0103), %.2f ha; TBMJ is the '
               'survey ellipsoidal area to 0.01 m2, off on purpose for %s'
               % (len(ff), cty.n_farm_parcels, areas['farmland'].sum(), ', '.join(off) or 'none'))
    rl = cty.redline_multi
    parts = []
    for f in ff:
        if f['conflict']:
            o = f['geom'].intersection(rl)
            hit = sorted(r['bsm'] for r in cty.redline_feats
                         if r['geom'].intersects(f['geom']) and r['geom'].intersection(f['geom']).area > 0.01)
            parts.append('%s %.2f ha (%s, red line %s)'
                         % (f['bsm'], cty.geodesic_ha([o])[0],
                            'whole parcel' if f['conflict'] == 'inside' else 'reaches in', ', '.join(hit)))
    out.append('farmland in the red line (on purpose): ' + ('; '.join(parts) or 'none'))
    by = {}
    for f, a in zip(cty.urban_feats, areas['urban']):
        by[f['gnfq']] = by.get(f['gnfq'], 0.0) + a
    out.append('urban: ' + ', '.join('%s %.2f ha' % kv for kv in by.items()))
    parts = []
    for f in cty.urban_feats:
        o = f['geom'].intersection(rl)
        if o.area > 0.01:
            parts.append('%s %.2f ha' % (f['bsm'], cty.geodesic_ha([o])[0]))
    out.append('urban in the red line (on purpose): ' + ('; '.join(parts) or 'none'))
    fbsm = {f['parcel']: f for f in ff}
    parts = []
    for f in cty.urban_feats:
        for j in cty.urban_swallowed:
            o = f['geom'].intersection(fbsm[j]['geom'])
            if o.area > 0.01:
                parts.append('%s over %s %.2f ha' % (f['bsm'], fbsm[j]['bsm'], cty.geodesic_ha([o])[0]))
    out.append('urban over farmland (on purpose): ' + ('; '.join(parts) or 'none'))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0],
                                 epilog=__doc__[__doc__.index('Same --seed'):],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--scale', type=float, default=0.03,
                    help='1 -> about 100 000 parcels (default 0.03, the committed sample)')
    ap.add_argument('--seed', type=int, default=DEFAULT_SEED, help='random seed (default %(default)s)')
    ap.add_argument('--out', required=True, help='output directory')
    ap.add_argument('--no-shapefiles', action='store_true', help='write the GeoPackage only')
    a = ap.parse_args(argv)
    if not (a.scale > 0):
        ap.error('--scale must be positive')
    progress = Progress(sys.stderr.isatty())
    t0 = time.time()
    cty = County(a.scale, a.seed, progress)
    cty.run()
    layers = cty.layers()
    meta = {'GENERATOR': 'samples/generate/generate_county.py', 'GENERATOR_VERSION': GENERATOR_VERSION,
            'SEED': str(a.seed), 'SCALE': repr(a.scale)}
    write_all(a.out, layers, not a.no_shapefiles, progress, meta)
    progress('statistics')
    print('redline sample generator v%s: seed %d, scale %g -> %s'
          % (GENERATOR_VERSION, a.seed, a.scale, os.path.abspath(a.out)))
    for n in cty.notes:
        print('note: ' + n)
    for line in stats_lines(cty, layers):
        print(line)
    print('elapsed: %.1f s' % (time.time() - t0))
    return 0


if __name__ == '__main__':
    sys.exit(main())
