#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Makes tests/data/checks/qa/delivery.gpkg, a delivery with one of each defect `redline qa`
finds, and prints the oracle figures the tests assert (shapely for planar geometry, pyproj for
the geodesic area: vertices taken from EPSG:4527 to CGCS2000 lon/lat by PROJ, areas by
pyproj.Geod on the CGCS2000 = GRS80 ellipsoid, each edge a geodesic).

Usage:
  /usr/bin/python3 tests/oracles/qa_make_data.py tests/data/checks/qa

Layers (EPSG:4527, CGCS2000 3-degree Gauss-Kruger zone 39, eastings like the Huichang sample's;
local coordinates below are offsets from X0, Y0):
  boundary  one rectangle 0..400 x 0..200, BSM 'B1'
  roads     one line (a layer of the wrong kind)
  parcels   key BSM (text), area field MJ (m2, real):
    QA01  0..100 x 0..100        clean; MJ = its planar area (matches planar)
    QA02  100..200 x 0..100      MJ = its ellipsoidal area (matches ellipsoidal)
    QA03  190..300 x 0..100      overlaps QA02 on 190..200 x 0..100; MJ = ellipsoidal * 1.05
    QA05  300..400 x 0..100      a spike below y = 0: apex (350, -30) between (349.8, 0) and
                                 (350.2, 0): angle 2*atan(0.2/30) = 0.763936 deg (by hand)
    QA06  0..100 x 100..200      duplicate key (QA06 twice)
    QA06  100..200 x 100..200    duplicate key; 200..300 x 100..200 is left uncovered: a gap
    ''    300..400 x 100..200    empty key
    QA04  bow-tie (500 0, 600 100, 600 0, 500 100): invalid (self-intersection at 550 50)
    QA08  0..100 x 250..250.2    a sliver 0.2 m wide
    NULL  600..650 x 0..50       NULL key
  Every MJ not named above is the feature's ellipsoidal area, unrounded (the bow-tie's that of
  its repair, two triangles): rounded to 0.01 m2 it could not tell ellipsoidal from survey,
  which differ by 2e-7 relative here. QA01's MJ is the planar area (10000.00), QA03's the
  ellipsoidal area * 1.05 rounded to 0.01 m2.
"""

import math
import os
import sys

from osgeo import ogr, osr
from pyproj import Geod, Transformer
from shapely import wkt as shapely_wkt
from shapely.validation import make_valid

ogr.UseExceptions()

X0, Y0 = 39380000.0, 2830000.0
GEOD = Geod(a=6378137.0, rf=298.257222101)
TO_LONLAT = Transformer.from_crs('EPSG:4527', 'EPSG:4490', always_xy=True)


def ring(points):
    pts = [(X0 + x, Y0 + y) for x, y in points]
    pts.append(pts[0])
    return '(' + ', '.join('%.3f %.3f' % p for p in pts) + ')'


def box(x1, y1, x2, y2):
    return 'POLYGON(' + ring([(x1, y1), (x2, y1), (x2, y2), (x1, y2)]) + ')'


def geodesic_area(geometry):
    """Ellipsoidal area in m2 of a shapely (Multi)Polygon in EPSG:4527."""
    polygons = [geometry] if geometry.geom_type == 'Polygon' else list(geometry.geoms)
    total = 0.0
    for p in polygons:
        for k, r in enumerate([p.exterior] + list(p.interiors)):
            xs, ys = zip(*list(r.coords))
            lon, lat = TO_LONLAT.transform(xs, ys)
            a = abs(GEOD.polygon_area_perimeter(lon, lat)[0])
            total += a if k == 0 else -a
    return total


SPIKE = 'POLYGON(' + ring([(300, 0), (349.8, 0), (350, -30), (350.2, 0), (400, 0), (400, 100), (300, 100)]) + ')'
BOWTIE = 'POLYGON(' + ring([(500, 0), (600, 100), (600, 0), (500, 100)]) + ')'

PARCELS = [  # (BSM, WKT, MJ rule)
    ('QA01', box(0, 0, 100, 100), 'planar'),
    ('QA02', box(100, 0, 200, 100), 'ellipsoidal'),
    ('QA03', box(190, 0, 300, 100), 'off5'),
    ('QA05', SPIKE, 'ellipsoidal'),
    ('QA06', box(0, 100, 100, 200), 'ellipsoidal'),
    ('QA06', box(100, 100, 200, 200), 'ellipsoidal'),
    ('', box(300, 100, 400, 200), 'ellipsoidal'),
    ('QA04', BOWTIE, 'ellipsoidal'),
    ('QA08', box(0, 250, 100, 250.2), 'ellipsoidal'),
    (None, box(600, 0, 650, 50), 'ellipsoidal'),
]


def mj(shape, rule):
    if rule == 'planar':
        return round(shape.area, 2)
    e = geodesic_area(shape)
    return round(e * 1.05, 2) if rule == 'off5' else e


def add_feature(lyr, wkt_text, fields, fid=None):
    f = ogr.Feature(lyr.GetLayerDefn())
    if fid is not None:
        f.SetFID(fid)
    for name, value in fields.items():
        if value is None:
            f.SetFieldNull(name)
        else:
            f.SetField(name, value)
    f.SetGeometry(ogr.CreateGeometryFromWkt(wkt_text))
    lyr.CreateFeature(f)


def main():
    path = os.path.join(sys.argv[1], 'delivery.gpkg')
    if os.path.exists(path):
        os.remove(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds = ogr.GetDriverByName('GPKG').CreateDataSource(path)
    layers = {name: ds.CreateLayer(name, srs, kind)
              for name, kind in [('boundary', ogr.wkbPolygon), ('parcels', ogr.wkbPolygon),
                                 ('roads', ogr.wkbLineString)]}
    layers['boundary'].CreateField(ogr.FieldDefn('BSM', ogr.OFTString))
    add_feature(layers['boundary'], box(0, 0, 400, 200), {'BSM': 'B1'})
    lyr = layers['parcels']
    lyr.CreateField(ogr.FieldDefn('BSM', ogr.OFTString))
    lyr.CreateField(ogr.FieldDefn('MJ', ogr.OFTReal))
    shapes = []
    for fid, (bsm, text, rule) in enumerate(PARCELS, start=1):
        shape = make_valid(shapely_wkt.loads(text))
        shapes.append(shape)
        # The bow-tie goes in as drawn (invalid), the others are single polygons.
        add_feature(lyr, text, {'BSM': bsm, 'MJ': mj(shape, rule)}, fid)
        print('fid %d BSM %r MJ %.10f planar %.10f ellipsoidal %.10f' %
              (fid, bsm, mj(shape, rule), shape.area, geodesic_area(shape)))

    # A line layer QA must refuse.
    add_feature(layers['roads'], 'LINESTRING(%f %f, %f %f)' % (X0, Y0, X0 + 400, Y0 + 200), {})
    ds = None

    overlap = shapes[1].intersection(shapes[2])
    print('overlap QA02/QA03 planar %.10f ellipsoidal %.10f' % (overlap.area, geodesic_area(overlap)))
    boundary = shapely_wkt.loads(box(0, 0, 400, 200))
    covered = shapes[0]
    for s in shapes[1:]:
        covered = covered.union(s)
    gap = boundary.difference(covered)
    print('gap %s planar %.10f ellipsoidal %.10f' % (gap.geom_type, gap.area, geodesic_area(gap)))
    print('sliver QA08 planar %.10f ellipsoidal %.10f' % (shapes[8].area, geodesic_area(shapes[8])))
    print('spike angle %.10f deg (2*atan(0.2/30))' % math.degrees(2 * math.atan(0.2 / 30)))
    for bsm, rule in [('QA01', 'planar'), ('QA03', 'off5')]:
        i = [p[0] for p in PARCELS].index(bsm)
        e = geodesic_area(shapes[i])
        print('%s MJ %.2f vs ellipsoidal %.10f: %+.6f %%' % (bsm, mj(shapes[i], rule), e,
                                                             100 * (mj(shapes[i], rule) - e) / e))


if __name__ == '__main__':
    main()
