#!/usr/bin/python3
"""Layers for tests/io/layer_stream_test.cpp: faults that only a later batch shows.

Writes tests/data/io/stream_faults.gpkg with layers of 10 unit squares each (fid 1..10):
  late_prefix      EPSG:4527 (zone 39, prefix 39): squares at easting 39 500 000 + 100 k, but
                   fid 9 at easting 500 000 (no prefix): the whole layer's check refuses it;
  late_metres      EPSG:4490 (degrees): squares at 115°E 26°N, fid 8 at 39 500 000 m: beyond
                   ±180°, refused whatever is trusted, naming fid 8;
  late_far         EPSG:4527: fid 10 far outside the zone's area of use (northing 8 000 000):
                   the area-of-use contradiction, judged on the whole extent only;
  late_bowtie      EPSG:4527: fid 7 a self-intersecting bow-tie (invalid: Fail refuses it).
Run: /usr/bin/python3 tests/oracles/make_stream_test_data.py
"""
import os
from osgeo import ogr, osr

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "io", "stream_faults.gpkg")


def square(x, y, size=1.0):
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))"


def write(ds, name, epsg, wkts):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = ds.CreateLayer(name, srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("BSM", ogr.OFTString))
    for i, wkt in enumerate(wkts, start=1):
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetFID(i)
        f.SetField("BSM", f"S{i:02d}")
        f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(f)


def main():
    if os.path.exists(OUT):
        os.remove(OUT)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(OUT)
    base = [square(39500000 + 100 * i, 2800000) for i in range(10)]
    late_prefix = list(base)
    late_prefix[8] = square(500000, 2800000)
    write(ds, "late_prefix", 4527, late_prefix)
    degrees = [square(115 + 0.01 * i, 26, 0.001) for i in range(10)]
    degrees[7] = square(39500000, 2800000)
    write(ds, "late_metres", 4490, degrees)
    far = list(base)
    far[9] = square(39500000, 8000000)
    write(ds, "late_far", 4527, far)
    bowtie = list(base)
    x, y = 39500600, 2800000
    bowtie[6] = f"POLYGON(({x} {y},{x + 1} {y + 1},{x + 1} {y},{x} {y + 1},{x} {y}))"
    write(ds, "late_bowtie", 4527, bowtie)
    ds = None


if __name__ == "__main__":
    main()
