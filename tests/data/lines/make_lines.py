#!/usr/bin/python3
"""Generates the line test data of tests/io/read_lines_test.cpp, tests/measure/length_test.cpp,
tests/overlay/line_coverage_test.cpp and tests/cli/length_cli_test.cpp.

  cd tests/data/lines && /usr/bin/python3 make_lines.py

lines_4490.gpkg  (EPSG:4490, longitude/latitude)
  lines:    1 LineString (3 vertices), 2 MultiLineString (2 parts), 3 LineString Z (Z dropped),
            4 null geometry, 5 empty LineString, 6 degenerate (2 equal vertices),
            7 LineString in zone B; fields name, zone
  curves:   1 CompoundCurve with an arc (linearised on reading)
  zones:    2 polygons (A, B), for coverage
  points:   1 point
  metres:   a line declared EPSG:4490 whose coordinates are Gauss-Krüger metres (CRS refused)
lines_4527.gpkg  (EPSG:4527, CGCS2000 3-degree GK zone 39)
  lines:    1, 2, 3 LineString / MultiLineString with zones A, B, A
  zones:    2 overlapping polygons of zone 'in' (overlap counts once) and one touching square
"""
import os
from osgeo import ogr, osr

ogr.UseExceptions()


def srs(epsg):
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


def layer(ds, name, epsg, gtype, fields=("name", "zone")):
    lyr = ds.CreateLayer(name, srs(epsg), gtype)
    for f in fields:
        lyr.CreateField(ogr.FieldDefn(f, ogr.OFTString))
    return lyr


def add(lyr, wkt, **values):
    f = ogr.Feature(lyr.GetLayerDefn())
    for k, v in values.items():
        f.SetField(k, v)
    if wkt is not None:
        f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
    lyr.CreateFeature(f)


LINES_4490 = [
    ("LINESTRING (115.5 25.5, 115.6 25.55, 115.62 25.7)", "a1", "A"),
    ("MULTILINESTRING ((115.7 25.6, 115.75 25.62), (115.8 25.6, 115.8 25.5, 115.9 25.45))", "a2", "A"),
    ("LINESTRING Z (115.55 25.4 100, 115.65 25.42 250)", "z", "B"),
    (None, "null", "B"),
    ("LINESTRING EMPTY", "empty", "B"),
    ("LINESTRING (115.6 25.6, 115.6 25.6)", "degenerate", "B"),
    ("LINESTRING (115.45 25.75, 115.95 25.35)", "b1", "B"),
]
ZONES_4490 = [
    ("POLYGON ((115.5 25.45, 115.7 25.45, 115.7 25.65, 115.5 25.65, 115.5 25.45))", "zA", "A"),
    ("POLYGON ((115.75 25.3, 116.0 25.3, 116.0 25.55, 115.75 25.55, 115.75 25.3))", "zB", "B"),
]

LINES_4527 = [
    ("LINESTRING (39400000 2800000, 39401000 2800500, 39402500 2800400)", "p1", "A"),
    ("MULTILINESTRING ((39400500 2799000, 39400500 2801500), (39403000 2799500, 39404000 2799500))", "p2", "B"),
    ("LINESTRING (39399000 2802000, 39405000 2798000)", "p3", "A"),
]
ZONES_4527 = [
    ("POLYGON ((39399800 2799500, 39401200 2799500, 39401200 2800800, 39399800 2800800, 39399800 2799500))", "c1", "in"),
    ("POLYGON ((39400800 2800000, 39402000 2800000, 39402000 2801000, 39400800 2801000, 39400800 2800000))", "c2", "in"),
    ("POLYGON ((39403000 2799500, 39404000 2799500, 39404000 2799000, 39403000 2799000, 39403000 2799500))", "c3", "touch"),
]


def main():
    for f in ("lines_4490.gpkg", "lines_4527.gpkg"):
        if os.path.exists(f):
            os.remove(f)
    drv = ogr.GetDriverByName("GPKG")
    ds = drv.CreateDataSource("lines_4490.gpkg")
    lyr = layer(ds, "lines", 4490, ogr.wkbMultiLineString)
    for wkt, name, zone in LINES_4490:
        add(lyr, wkt, name=name, zone=zone)
    cur = layer(ds, "curves", 4490, ogr.wkbCompoundCurve)
    add(cur, "COMPOUNDCURVE (CIRCULARSTRING (115.5 25.5, 115.55 25.55, 115.6 25.5), (115.6 25.5, 115.7 25.5))",
        name="arc", zone="A")
    zones = layer(ds, "zones", 4490, ogr.wkbPolygon)
    for wkt, name, zone in ZONES_4490:
        add(zones, wkt, name=name, zone=zone)
    pts = layer(ds, "points", 4490, ogr.wkbPoint)
    add(pts, "POINT (115.5 25.5)", name="p", zone="A")
    metres = layer(ds, "metres", 4490, ogr.wkbLineString)
    add(metres, "LINESTRING (39400000 2800000, 39401000 2800500)", name="m", zone="A")
    ds = None

    ds = drv.CreateDataSource("lines_4527.gpkg")
    lyr = layer(ds, "lines", 4527, ogr.wkbMultiLineString)
    for wkt, name, zone in LINES_4527:
        add(lyr, wkt, name=name, zone=zone)
    zones = layer(ds, "zones", 4527, ogr.wkbPolygon)
    for wkt, name, zone in ZONES_4527:
        add(zones, wkt, name=name, zone=zone)
    ds = None


if __name__ == "__main__":
    main()
