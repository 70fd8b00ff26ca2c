#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Makes the small test files under tests/data/area and tests/data/io (deterministic).

Run from anywhere with the Debian interpreter (python3-gdal, python3-pyproj):
    /usr/bin/python3 tests/oracles/make_test_data.py

Same script => same coordinates and attributes, and the same bytes: the DBF "last update" date
is pinned and GeoPackage timestamps come from OGR_CURRENT_DATE.

tests/data/area/   polygons whose areas the oracles (tests/oracles/area_planimeter.py) measure
  parcels_4527.shp   12 parcels in EPSG:4527 (zone-39 prefixed eastings, Huichang), edges
                     <= 100 m; BSM 0003 and 0007 have a hole, BSM 0010 is a 2-part
                     MultiPolygon. Fields BSM, HXLX (UTF-8, .cpg says UTF-8).
  parcels_4490.shp   the same parcels in EPSG:4490 (vertices converted by pyproj)
  large_4527.shp     one irregular polygon about 34 km across, 480 vertices
  large_4490.shp     the same in EPSG:4490
tests/data/io/     deliveries with the problems redline must handle
  noprj_zone39.shp   the parcels without .prj (and without .cpg)
  gbk_nocpg.shp      GBK DBF, no .cpg, LDID 0; field 红线类型 holds 水源涵养 / 生物多样性维护 /
                     水土保持
  ldid87_gbk.shp     GBK bytes in a DBF whose LDID is 87 (ISO-8859-1)
  bowtie.shp         a 100 m square and a self-intersecting "bow tie" (hand-computed areas
                     below)
  empty.shp          a polygon layer with no features
  lines.shp          a LineString layer
  truncated.shp      parcels_4527.shp cut short in the middle of a record (.shx/.dbf intact)
  polygon_z.shp      a PolygonZ parcel
  null_geom.shp      a parcel and a feature with a null shape
  null_empty.gpkg    layer "parcels": a parcel, a null geometry and an empty polygon
  two_layers.gpkg    layers "parcels" and "reserves"
"""

import math
import os
import random
import shutil

from osgeo import gdal, ogr, osr
from pyproj import Transformer

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()
gdal.SetConfigOption('OGR_CURRENT_DATE', '2024-01-01T00:00:00.000Z')

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, '..', 'data'))
AREA = os.path.join(DATA, 'area')
IO = os.path.join(DATA, 'io')

# Parcels sit near 115.99°E 25.50°N in Huichang: zone 39 (CM 117°E), about 100 km west of the
# central meridian, so the GK scale factor (~1.00012) is far from 1 and planar ≠ ellipsoidal.
PARCEL_ORIGIN = (39398000.0, 2822000.0)
LARGE_CENTRE = (39385000.0, 2835000.0)
HXLX = ['水源涵养', '生物多样性维护', '水土保持']

TO_4490 = Transformer.from_crs('EPSG:4527', 'EPSG:4490', always_xy=True)


def srs(epsg):
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


def mm(v):
    """Rounds to the millimetre, as delivered survey coordinates are."""
    return round(v * 1000.0) / 1000.0


def star_ring(rng, cx, cy, n, r_min, r_max):
    """A simple ring: n vertices at increasing angles around (cx, cy), radii in [r_min, r_max]."""
    angles = sorted(rng.uniform(0, 2 * math.pi) for _ in range(n))
    ring = [(mm(cx + rng.uniform(r_min, r_max) * math.cos(a)),
             mm(cy + rng.uniform(r_min, r_max) * math.sin(a))) for a in angles]
    return ring + [ring[0]]


def max_edge(ring):
    return max(math.dist(ring[i], ring[i + 1]) for i in range(len(ring) - 1))


def make_parcels():
    """Returns [(bsm, hxlx, [polygon rings...] per part)] in EPSG:4527."""
    rng = random.Random(20240601)
    parcels = []
    for k in range(12):
        cx = PARCEL_ORIGIN[0] + 120.0 * (k % 4)
        cy = PARCEL_ORIGIN[1] + 120.0 * (k // 4)
        bsm = '%04d' % (k + 1)
        if k == 9:  # a 2-part MultiPolygon: two small parcels 10 m apart
            a = star_ring(rng, cx - 20, cy, 5, 12, 16)
            b = star_ring(rng, cx + 22, cy, 6, 10, 14)
            parts = [[a], [b]]
        else:
            outer = star_ring(rng, cx, cy, 4 + k % 4, 26, 34)
            rings = [outer]
            if k in (2, 6):  # a hole well inside (the ring stays > 17 m from the centre)
                hole = star_ring(rng, cx, cy, 4, 5, 8)
                rings.append(hole[::-1])
            parts = [rings]
        for rings in parts:
            for r in rings:
                assert max_edge(r) <= 100.0, (bsm, max_edge(r))
        parcels.append((bsm, HXLX[k % 3], parts))
    return parcels


def make_large():
    """One irregular polygon about 34 km across with ~240 m edges."""
    rng = random.Random(7)
    n = 480
    phases = [rng.uniform(0, 2 * math.pi) for _ in range(4)]
    ring = []
    for i in range(n):
        a = 2 * math.pi * i / n
        r = 14000.0 + 1500 * math.sin(3 * a + phases[0]) + 900 * math.sin(5 * a + phases[1]) \
            + 400 * math.sin(11 * a + phases[2]) + rng.uniform(-60, 60)
        ring.append((mm(LARGE_CENTRE[0] + r * math.cos(a)), mm(LARGE_CENTRE[1] + r * math.sin(a))))
    return [ring + [ring[0]]]


def to_4490(rings):
    out = []
    for r in rings:
        xs, ys = TO_4490.transform([p[0] for p in r], [p[1] for p in r])
        out.append(list(zip(xs, ys)))
    return out


def ogr_polygon(rings, z=None):
    poly = ogr.Geometry(ogr.wkbPolygon25D if z is not None else ogr.wkbPolygon)
    for r in rings:
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in r:
            if z is None:
                ring.AddPoint_2D(x, y)
            else:
                ring.AddPoint(x, y, z)
        poly.AddGeometry(ring)
    return poly


def ogr_parts(parts):
    if len(parts) == 1:
        return ogr_polygon(parts[0])
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for rings in parts:
        multi.AddGeometry(ogr_polygon(rings))
    return multi


def remove_shapefile(path):
    stem = os.path.splitext(path)[0]
    for ext in ('.shp', '.shx', '.dbf', '.prj', '.cpg'):
        if os.path.exists(stem + ext):
            os.remove(stem + ext)


def pin_dbf(path, ldid=None):
    """Sets the DBF's last-update date to 2024-01-01 (bytes 1-3) and, if given, its LDID (29)."""
    with open(path, 'r+b') as f:
        f.seek(1)
        f.write(bytes([124, 1, 1]))
        if ldid is not None:
            f.seek(29)
            f.write(bytes([ldid]))


def write_shapefile(path, epsg, geom_type, fields, rows, encoding='UTF-8'):
    """rows: [(values..., ogr geometry or None)]. epsg None: no .prj."""
    remove_shapefile(path)
    ds = ogr.GetDriverByName('ESRI Shapefile').CreateDataSource(path)
    layer = ds.CreateLayer(os.path.splitext(os.path.basename(path))[0],
                           srs(epsg) if epsg else None, geom_type,
                           options=['ENCODING=' + encoding])
    for name, width in fields:
        fd = ogr.FieldDefn(name, ogr.OFTString)
        fd.SetWidth(width)
        layer.CreateField(fd)
    for row in rows:
        f = ogr.Feature(layer.GetLayerDefn())
        for i, v in enumerate(row[:-1]):
            f.SetField(i, v)
        if row[-1] is not None:
            f.SetGeometry(row[-1])
        layer.CreateFeature(f)
    ds = None
    pin_dbf(os.path.splitext(path)[0] + '.dbf')


def parcel_rows(parcels, convert=None):
    rows = []
    for bsm, hxlx, parts in parcels:
        if convert:
            parts = [convert(rings) for rings in parts]
        rows.append((bsm, hxlx, ogr_parts(parts)))
    return rows


def main():
    os.makedirs(AREA, exist_ok=True)
    os.makedirs(IO, exist_ok=True)
    parcels = make_parcels()
    fields = [('BSM', 18), ('HXLX', 40)]
    polygon = ogr.wkbPolygon  # the shapefile driver writes MultiPolygon parts into Polygon layers

    # --- area/: the measured polygons
    write_shapefile(os.path.join(AREA, 'parcels_4527.shp'), 4527, polygon, fields, parcel_rows(parcels))
    write_shapefile(os.path.join(AREA, 'parcels_4490.shp'), 4490, polygon, fields,
                    parcel_rows(parcels, to_4490))
    large = make_large()
    write_shapefile(os.path.join(AREA, 'large_4527.shp'), 4527, polygon, [('NAME', 20)],
                    [('large', ogr_polygon(large))])
    write_shapefile(os.path.join(AREA, 'large_4490.shp'), 4490, polygon, [('NAME', 20)],
                    [('large', ogr_polygon(to_4490(large)))])

    # --- io/: problem deliveries
    write_shapefile(os.path.join(IO, 'noprj_zone39.shp'), None, polygon, fields, parcel_rows(parcels))
    os.remove(os.path.join(IO, 'noprj_zone39.cpg'))

    # GBK without .cpg and LDID 0: nothing in the files says how to decode them.
    gbk_fields = [('BSM', 18), ('红线类型', 40)]
    write_shapefile(os.path.join(IO, 'gbk_nocpg.shp'), 4527, polygon, gbk_fields,
                    parcel_rows(parcels), encoding='CP936')
    if os.path.exists(os.path.join(IO, 'gbk_nocpg.cpg')):
        os.remove(os.path.join(IO, 'gbk_nocpg.cpg'))
    pin_dbf(os.path.join(IO, 'gbk_nocpg.dbf'), ldid=0)
    # GBK bytes under LDID 87 (ISO-8859-1): GDAL decodes them as Latin-1, i.e. mojibake.
    write_shapefile(os.path.join(IO, 'ldid87_gbk.shp'), 4527, polygon, gbk_fields,
                    parcel_rows(parcels[:3]), encoding='CP936')
    if os.path.exists(os.path.join(IO, 'ldid87_gbk.cpg')):
        os.remove(os.path.join(IO, 'ldid87_gbk.cpg'))
    pin_dbf(os.path.join(IO, 'ldid87_gbk.dbf'), ldid=87)
    for name in ('gbk_nocpg.dbf', 'ldid87_gbk.dbf'):
        raw = open(os.path.join(IO, name), 'rb').read()
        assert '红线类型'.encode('gbk') in raw and '水源涵养'.encode('gbk') in raw, name

    # Bow tie, in metres from (X0, Y0) = (39 398 000, 2 822 600): ring A(0,0) B(200,100)
    # C(150,25) D(0,100). AB and CD cross at P(100,50). Hand computation:
    #   lobe DAP = 1/2 * 100 * 100 = 5000 m², lobe PBC = 1/2 * |100*(-25) - 50*50| = 2500 m²;
    #   signed shoelace of the ring as drawn = 5000 - 2500 = 2500 m² (the lobes cancel);
    #   repaired (both lobes) = 7500 m², so repair adds 5000 m² (planar).
    # The square is 100 m x 100 m = 10 000 m² (planar), at (X0 + 300, Y0).
    x0, y0 = 39398000.0, 2822600.0
    bowtie = [[(x0 + x, y0 + y) for x, y in [(0, 0), (200, 100), (150, 25), (0, 100), (0, 0)]]]
    square = [[(x0 + 300 + x, y0 + y) for x, y in [(0, 0), (0, 100), (100, 100), (100, 0), (0, 0)]]]
    write_shapefile(os.path.join(IO, 'bowtie.shp'), 4527, polygon, [('BSM', 18)],
                    [('square', ogr_polygon(square)), ('bowtie', ogr_polygon(bowtie))])

    write_shapefile(os.path.join(IO, 'empty.shp'), 4527, polygon, fields, [])

    lines = []
    for k in range(2):
        line = ogr.Geometry(ogr.wkbLineString)
        for x, y in [(0, 0), (80, 30), (150, 20)]:
            line.AddPoint_2D(x0 + x, y0 + 300 + 100 * k + y)
        lines.append(('line%d' % k, line))
    write_shapefile(os.path.join(IO, 'lines.shp'), 4527, ogr.wkbLineString, [('NAME', 20)], lines)

    # Truncated: the .shp loses its last 40% (mid-record), the .shx still announces 12 records.
    for ext in ('.shp', '.shx', '.dbf', '.prj', '.cpg'):
        shutil.copyfile(os.path.join(AREA, 'parcels_4527' + ext), os.path.join(IO, 'truncated' + ext))
    shp = os.path.join(IO, 'truncated.shp')
    size = os.path.getsize(shp)
    with open(shp, 'r+b') as f:
        f.truncate(int(size * 0.6))

    bsm, hxlx, parts = parcels[0]
    write_shapefile(os.path.join(IO, 'polygon_z.shp'), 4527, ogr.wkbPolygon25D, fields,
                    [(bsm, hxlx, ogr_polygon(parts[0], z=312.5))])

    write_shapefile(os.path.join(IO, 'null_geom.shp'), 4527, polygon, fields,
                    [(bsm, hxlx, ogr_polygon(parts[0])), ('0099', HXLX[1], None)])

    # GeoPackages.
    gpkg = ogr.GetDriverByName('GPKG')
    path = os.path.join(IO, 'null_empty.gpkg')
    if os.path.exists(path):
        os.remove(path)
    ds = gpkg.CreateDataSource(path)
    layer = ds.CreateLayer('parcels', srs(4527), ogr.wkbPolygon)
    for name, width in fields:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for bsm_v, geom in [('0001', ogr_polygon(parts[0])), ('0098', None),
                        ('0097', ogr.Geometry(ogr.wkbPolygon))]:
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField('BSM', bsm_v)
        if geom is not None:
            f.SetGeometry(geom)
        layer.CreateFeature(f)
    ds = None

    path = os.path.join(IO, 'two_layers.gpkg')
    if os.path.exists(path):
        os.remove(path)
    ds = gpkg.CreateDataSource(path)
    for name, chosen in [('parcels', parcels[:4]), ('reserves', parcels[4:6])]:
        layer = ds.CreateLayer(name, srs(4527), ogr.wkbMultiPolygon)
        for fname, width in fields:
            layer.CreateField(ogr.FieldDefn(fname, ogr.OFTString))
        for bsm_v, hxlx_v, parts_v in chosen:
            f = ogr.Feature(layer.GetLayerDefn())
            f.SetField('BSM', bsm_v)
            f.SetField('HXLX', hxlx_v)
            f.SetGeometry(ogr.ForceToMultiPolygon(ogr_parts(parts_v)))
            layer.CreateFeature(f)
    ds = None


if __name__ == '__main__':
    main()
