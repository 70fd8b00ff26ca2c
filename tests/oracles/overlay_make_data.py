#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Makes the small test files under tests/data/overlay (deterministic).

    /usr/bin/python3 tests/oracles/overlay_make_data.py

Coordinates are metres in EPSG:4527 (CGCS2000 3-degree GK zone 39, zone-prefixed eastings), on
the central meridian near Huichang: x = 39 500 000 + dx, y = 2 800 000 + dy.  Shapes are
axis-aligned rectangles whose overlaps can be read off by hand; the geodesic figures the tests
pin come from tests/oracles/overlay_small_oracle.py.

tests/data/overlay/cases.gpkg
  targets (EPSG:4527), fields NAME, KIND:
    plain    0..100 x 0..100                      cover c1 (0..60) and c2 (30..90) overlap:
                                                   union 90 % inside, pairwise sum 120 %
    holed    200..300 x 0..100, hole 230..270 x 30..70; cover c3 = 250..310: 50x100 - 20x40
    touching 400..500 x 0..100; c4 shares its east edge, c5 only its north-east corner
    reexport 700..800.0004 x 0..100; c6 starts at x = 800.000 (the same edge rounded to 1 mm):
             a 0.4 mm strip, which the 1 mm grid removes
    sliver   1000..1100.004 x 0..100; c7 starts at x = 1100.000: a 4 mm x 100 m strip, a
             sliver below the 5 cm default, 0.4 m2
    bowtie   the invalid "bow tie" (0,300)-(100,400)-(100,300)-(0,400): two triangles after
             repair; c8 = 0..50 x 300..400 covers the left one
    outside  2000..2100 x 2000..2100, far from every cover feature
  cover (EPSG:4527), field NAME: c1 .. c8 as above
  cover_4490 (EPSG:4490): the same cover, vertices converted by pyproj
  zones (EPSG:4527), field ZONE: A = 0..100 x 0..100, B = 100..200 x 0..100
  classes (EPSG:4527), field CLASS:
    p1 "01" 0..150 x 0..50; p2 "02" 0..150 x 50..100; p3 "01" 50..120 x 0..100 (overlaps p1,
    same class: counted once; overlaps p2, other class: counted in both)
tests/data/overlay/disjoint.gpkg
  far (EPSG:4527): one square 5000..5100 x 5000..5100, away from every target
"""
import os

from osgeo import gdal, ogr, osr
from pyproj import Transformer

gdal.UseExceptions()
ogr.UseExceptions()
os.environ.setdefault('OGR_CURRENT_DATE', '2024-06-01T00:00:00Z')

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'data', 'overlay')
X0, Y0 = 39500000.0, 2800000.0


def rect(x1, y1, x2, y2):
    return [(x1, y1), (x2, y1), (x2, y2), (x1, y2), (x1, y1)]


def wkt(rings):
    return 'POLYGON(' + ','.join('(' + ','.join('%.4f %.4f' % (X0 + x, Y0 + y) for x, y in r) + ')'
                                 for r in rings) + ')'


def srs(epsg):
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


def layer(ds, name, epsg, fields, rows):
    lyr = ds.CreateLayer(name, srs(epsg), ogr.wkbPolygon, options=['FID=fid', 'GEOMETRY_NAME=geom'])
    for f in fields:
        lyr.CreateField(ogr.FieldDefn(f, ogr.OFTString))
    for values, geom in rows:
        feat = ogr.Feature(lyr.GetLayerDefn())
        for k, v in enumerate(values):
            feat.SetField(k, v)
        feat.SetGeometry(ogr.CreateGeometryFromWkt(geom))
        lyr.CreateFeature(feat)


TARGETS = [
    (('plain', 'overlap'), [rect(0, 0, 100, 100)]),
    (('holed', 'hole'), [rect(200, 0, 300, 100), rect(230, 30, 270, 70)]),
    (('touching', 'edge'), [rect(400, 0, 500, 100)]),
    (('reexport', 'edge'), [rect(700, 0, 800.0004, 100)]),
    (('sliver', 'edge'), [rect(1000, 0, 1100.004, 100)]),
    (('bowtie', 'invalid'), [[(0, 300), (100, 400), (100, 300), (0, 400), (0, 300)]]),
    (('outside', 'none'), [rect(2000, 2000, 2100, 2100)]),
]
COVER = [
    (('c1',), [rect(0, 0, 60, 100)]),
    (('c2',), [rect(30, 0, 90, 100)]),
    (('c3',), [rect(250, -10, 310, 110)]),
    (('c4',), [rect(500, 0, 600, 100)]),
    (('c5',), [rect(500, 100, 550, 150)]),
    (('c6',), [rect(800.000, 0, 900, 100)]),
    (('c7',), [rect(1100.000, 0, 1200, 100)]),
    (('c8',), [rect(0, 300, 50, 400)]),
]
ZONES = [(('A',), [rect(0, 0, 100, 100)]), (('B',), [rect(100, 0, 200, 100)])]
CLASSES = [(('p1', '01'), [rect(0, 0, 150, 50)]), (('p2', '02'), [rect(0, 50, 150, 100)]),
           (('p3', '01'), [rect(50, 0, 120, 100)])]


def to_4490(rows):
    t = Transformer.from_crs('EPSG:4527', 'EPSG:4490', always_xy=True)
    out = []
    for values, rings in rows:
        conv = []
        for r in rings:
            conv.append([t.transform(X0 + x, Y0 + y) for x, y in r])
        out.append((values, 'POLYGON(' + ','.join('(' + ','.join('%.12f %.12f' % p for p in r) + ')' for r in conv) + ')'))
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    drv = ogr.GetDriverByName('GPKG')
    path = os.path.join(OUT, 'cases.gpkg')
    if os.path.exists(path):
        os.remove(path)
    ds = drv.CreateDataSource(path)
    layer(ds, 'targets', 4527, ['NAME', 'KIND'], [(v, wkt(r)) for v, r in TARGETS])
    layer(ds, 'cover', 4527, ['NAME'], [(v, wkt(r)) for v, r in COVER])
    layer(ds, 'cover_4490', 4490, ['NAME'], to_4490(COVER))
    layer(ds, 'zones', 4527, ['ZONE'], [(v, wkt(r)) for v, r in ZONES])
    layer(ds, 'classes', 4527, ['NAME', 'CLASS'], [(v, wkt(r)) for v, r in CLASSES])
    ds = None
    path = os.path.join(OUT, 'disjoint.gpkg')
    if os.path.exists(path):
        os.remove(path)
    ds = drv.CreateDataSource(path)
    layer(ds, 'far', 4527, ['NAME'], [(('far',), wkt([rect(5000, 5000, 5100, 5100)]))])
    ds = None


if __name__ == '__main__':
    main()
