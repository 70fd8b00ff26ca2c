#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Makes the hostile test files of issue 8 (coordinates, CRS, repairs) under tests/data/io.

Run with the Debian interpreter (python3-gdal, python3-pyproj), after make_test_data.py:
    /usr/bin/python3 tests/oracles/make_hostile_data.py

tests/data/io/
  nan_vertex.shp      EPSG:4527; FID 0 a 100 m square, FID 1 the same square with one vertex NaN
  inf_vertex.shp      the same with one vertex +infinity
  huge_vertex.shp     the same with one vertex at x = 1e300
  zone39_prj4490.shp  the parcels of tests/data/area/parcels_4527 (eastings 39xxxxxx) with a .prj
                      saying EPSG:4490 (geographic): metres declared as degrees
  zone39_prj4526.shp  the same parcels with a .prj saying EPSG:4526 (zone 38, false easting
                      38 500 000 m): a zone prefix the eastings contradict
  degrees_prj4539.shp the parcels in longitude/latitude (parcels_4490) with a .prj saying
                      EPSG:4539 (GK CM 90°E without prefix): degrees declared as metres, far outside
                      the CRS's area of use
  repair_loss.gpkg    layer "parcels", EPSG:4527 (see REPAIR_LOSS below for the areas)
  wrapping_rings.gpkg EPSG:4326; layer "pole": a ring round the North Pole at 80°N (longitudes
                      -180..180); layer "antimeridian": a box from 170°E to 170°W, 10°N to 20°N
"""

import math
import os
import shutil
import struct

from osgeo import ogr

import make_test_data as base

AREA, IO = base.AREA, base.IO
X0, Y0 = 39398000.0, 2822000.0  # Huichang, zone 39 (as make_test_data.py)


def square(x, y, side):
    return [(x, y), (x + side, y), (x + side, y + side), (x, y + side), (x, y)]


def polygon_wkt(rings):
    return 'POLYGON(' + ','.join('(' + ','.join(f'{x!r} {y!r}' for x, y in r) + ')' for r in rings) + ')'


def bad_vertex_file(name, bad_x):
    """GDAL refuses to write NaN or infinity: the vertex is written as a placeholder inside the
    record's box, and its bytes in the .shp replaced afterwards."""
    placeholder = X0 + 50.0
    good = square(X0, Y0, 100.0)
    bad = list(good)
    bad[2] = (placeholder, bad[2][1])
    rows = [('0001', base.ogr_polygon([good])), ('0002', base.ogr_polygon([bad]))]
    base.write_shapefile(os.path.join(IO, name), 4527, ogr.wkbPolygon, [('BSM', 18)], rows)
    path = os.path.join(IO, name)
    with open(path, 'rb') as f:
        data = f.read()
    old = struct.pack('<d', placeholder)
    assert data.count(old) == 1, name
    with open(path, 'wb') as f:
        f.write(data.replace(old, struct.pack('<d', bad_x)))


def copy_with_prj(source_stem, target_stem, epsg):
    for ext in ('.shp', '.shx', '.dbf', '.cpg'):
        shutil.copyfile(source_stem + ext, target_stem + ext)
    with open(target_stem + '.prj', 'w') as f:
        f.write(base.srs(epsg).ExportToWkt())


# (BSM, WKT in metres relative to (X0, Y0), planar area as drawn, planar area after repair)
# Areas by hand: the GEOS shoelace of an invalid polygon counts its rings as drawn.
REPAIR_LOSS = [
    # a valid 100 m square: 10000 m², no repair
    ('valid', 'POLYGON((0 0,100 0,100 100,0 100,0 0))', 10000.0, None),
    # two 100 m squares overlapping by 50 x 100 m in one MultiPolygon: as drawn 20000 m²,
    # repaired to their union 15000 m² (-25 %)
    ('overlap', 'MULTIPOLYGON(((0 0,100 0,100 100,0 100,0 0)),((50 0,150 0,150 100,50 100,50 0)))',
     20000.0, 15000.0),
    # a ring folded onto a line: 0 m², repaired to nothing (the feature vanishes)
    ('collapsed', 'POLYGON((0 0,100 0,50 0,0 0))', 0.0, 0.0),
    # a 100 m square with a 10 m hole half outside it: as drawn 10000 - 100 = 9900 m²,
    # repaired to 10000 - 50 = 9950 m² (+0.505 %, within the 1 % tolerance)
    ('hole_out', 'POLYGON((0 0,100 0,100 100,0 100,0 0),(95 45,105 45,105 55,95 55,95 45))',
     9900.0, 9950.0),
]


def shifted(wkt):
    g = ogr.CreateGeometryFromWkt(wkt)

    def move(geom):
        for i in range(geom.GetGeometryCount()):
            move(geom.GetGeometryRef(i))
        for i in range(geom.GetPointCount()):
            x, y = geom.GetX(i), geom.GetY(i)
            geom.SetPoint_2D(i, X0 + x, Y0 + y)
    move(g)
    return g


def write_gpkg(path, layers):
    """layers: [(name, epsg, [(bsm, ogr geometry)])]."""
    if os.path.exists(path):
        os.remove(path)
    ds = ogr.GetDriverByName('GPKG').CreateDataSource(path)
    for name, epsg, rows in layers:
        layer = ds.CreateLayer(name, base.srs(epsg), ogr.wkbMultiPolygon)
        fd = ogr.FieldDefn('BSM', ogr.OFTString)
        layer.CreateField(fd)
        for bsm, geom in rows:
            f = ogr.Feature(layer.GetLayerDefn())
            f.SetField(0, bsm)
            f.SetGeometryDirectly(ogr.ForceToMultiPolygon(geom))
            layer.CreateFeature(f)
    ds = None


def main():
    bad_vertex_file('nan_vertex.shp', math.nan)
    bad_vertex_file('inf_vertex.shp', math.inf)
    bad_vertex_file('huge_vertex.shp', 1e300)
    parcels_4527 = os.path.join(AREA, 'parcels_4527')
    parcels_4490 = os.path.join(AREA, 'parcels_4490')
    copy_with_prj(parcels_4527, os.path.join(IO, 'zone39_prj4490'), 4490)
    copy_with_prj(parcels_4527, os.path.join(IO, 'zone39_prj4526'), 4526)
    copy_with_prj(parcels_4490, os.path.join(IO, 'degrees_prj4539'), 4539)

    write_gpkg(os.path.join(IO, 'repair_loss.gpkg'),
               [('parcels', 4527, [(bsm, shifted(wkt)) for bsm, wkt, _, _ in REPAIR_LOSS])])

    pole = [(lon, 80.0) for lon in range(-180, 181, 45)] + [(-180.0, 80.0)]
    antimeridian = [(170.0, 10.0), (-170.0, 10.0), (-170.0, 20.0), (170.0, 20.0), (170.0, 10.0)]
    write_gpkg(os.path.join(IO, 'wrapping_rings.gpkg'),
               [('pole', 4326, [('pole', ogr.CreateGeometryFromWkt(polygon_wkt([pole])))]),
                ('antimeridian', 4326,
                 [('antimeridian', ogr.CreateGeometryFromWkt(polygon_wkt([antimeridian])))])])


if __name__ == '__main__':
    main()
