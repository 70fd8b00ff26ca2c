#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Makes tests/data/overlay/tabulate_stream.gpkg (deterministic) and prints the oracle figures.

    /usr/bin/python3 tests/oracles/tabulate_stream_make_data.py

The streamed tabulate reads only the classes whose envelope meets a zone's; this file has
classes near the zones (one an invalid bow tie inside zone B) and classes far away (one an
invalid bow tie), so that the tests see what is read, what is left out, and what is said.

Coordinates are metres in EPSG:4527 (zone 39, prefixed eastings) on the central meridian:
x = 39 500 000 + dx, y = 2 800 000 + dy.
  zones (ZONE): A = 0..100 x 0..100, B = 100..200 x 0..100
  classes (CLASS), FIDs 1..8 in this order:
    1 k1     "01" 0..150 x 0..50            A: 100x50, B: 50x50
    2 k2     "02" 10..40 x 60..90           A: 30x30
    3 bowtie "03" (120,20)-(180,80)-(180,20)-(120,80), invalid: two triangles of 60x30/2 in B
    4 corner "02" 200..210 x 100..110       meets B's corner only: read, no area
    5 far1   "01" 3000..3100 x 3000..3100   far: left out
    6 far2   "01" 3200..3300 x 3000..3100   far: left out
    7 far3   "02" 3400..3500 x 3000..3100   far: left out
    8 farbow "03" bow tie at 5000..5060 x 5000..5060, invalid, far: left out unvalidated
The oracle figures: geodesic areas (pyproj Geod, CGCS2000 ellipsoid) of the parts inside the
zones, the vertices inverse-projected with pyproj.
"""
import os

from osgeo import gdal, ogr, osr
from pyproj import Geod, Transformer
from shapely.geometry import Polygon, box
from shapely.validation import make_valid

gdal.UseExceptions()
ogr.UseExceptions()
os.environ.setdefault('OGR_CURRENT_DATE', '2024-06-01T00:00:00Z')

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'data', 'overlay', 'tabulate_stream.gpkg')
X0, Y0 = 39500000.0, 2800000.0


def shift(coords):
    return [(X0 + x, Y0 + y) for x, y in coords]


def rect(x1, y1, x2, y2):
    return [(x1, y1), (x2, y1), (x2, y2), (x1, y2), (x1, y1)]


def bowtie(x, y, w):
    return [(x, y), (x + w, y + w), (x + w, y), (x, y + w), (x, y)]


ZONES = [('A', rect(0, 0, 100, 100)), ('B', rect(100, 0, 200, 100))]
CLASSES = [('01', rect(0, 0, 150, 50)), ('02', rect(10, 60, 40, 90)), ('03', bowtie(120, 20, 60)),
           ('02', rect(200, 100, 210, 110)), ('01', rect(3000, 3000, 3100, 3100)),
           ('01', rect(3200, 3000, 3300, 3100)), ('02', rect(3400, 3000, 3500, 3100)),
           ('03', bowtie(5000, 5000, 60))]


def write():
    if os.path.exists(OUT):
        os.remove(OUT)
    ds = ogr.GetDriverByName('GPKG').CreateDataSource(OUT)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    for name, field, rows in (('zones', 'ZONE', ZONES), ('classes', 'CLASS', CLASSES)):
        layer = ds.CreateLayer(name, srs, ogr.wkbPolygon)
        layer.CreateField(ogr.FieldDefn(field, ogr.OFTString))
        for value, ring in rows:
            f = ogr.Feature(layer.GetLayerDefn())
            f.SetField(field, value)
            f.SetGeometry(ogr.CreateGeometryFromWkt(
                'POLYGON((' + ','.join('%.4f %.4f' % p for p in shift(ring)) + '))'))
            layer.CreateFeature(f)
    ds = None


def oracle():
    geod = Geod(ellps='GRS80')  # CGCS2000's a and 1/f equal GRS80's to 1e-12
    to_ll = Transformer.from_crs('EPSG:4527', 'EPSG:4490', always_xy=True)

    def area(g):
        total = 0.0
        for part in getattr(g, 'geoms', [g]):
            if part.geom_type != 'Polygon' or part.is_empty:
                continue
            lon, lat = to_ll.transform(*zip(*part.exterior.coords))
            total += abs(geod.polygon_area_perimeter(lon, lat)[0])
        return total

    cells = {}
    for zone, zring in ZONES:
        z = Polygon(shift(zring))
        for cls, ring in CLASSES:
            c = make_valid(Polygon(shift(ring)))
            a = area(z.intersection(c))
            if a > 0:
                cells[(zone, cls)] = cells.get((zone, cls), 0.0) + a
    for k in sorted(cells):
        print('%s/%s %.6f m2' % (k[0], k[1], cells[k]))


if __name__ == '__main__':
    write()
    oracle()
