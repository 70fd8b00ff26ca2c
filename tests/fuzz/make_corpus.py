#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets into tests/fuzz/corpus/<target>/.

    /usr/bin/python3 tests/fuzz/make_corpus.py          # from the repository root

The seeds are small real files of tests/data and samples, packed as each target reads its input
(tests/fuzz/*_fuzzer.cpp): a flags byte, then length-prefixed parts. GeoPackages and GeoJSON
files are written from the small test shapefiles with GDAL (python3-gdal), without spatial index
and with small SQLite pages, so that a seed stays a few KB and the fuzzer spends its time on
geometry and attributes rather than on SQLite's free pages. Deterministic: the same files
every run (GeoPackage timestamps are fixed through OGR_CURRENT_DATE).
"""
import os
import shutil
import struct
import sys
import tempfile

from osgeo import gdal, ogr

gdal.UseExceptions()
gdal.PushErrorHandler("CPLQuietErrorHandler")  # mixed Polygon/MultiPolygon layers are wanted here
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "tests", "fuzz", "corpus")

# Shapefiles (stems) small enough to be seeds: the reader's edge cases and two real layers.
SHAPEFILES = [
    "tests/data/io/bowtie", "tests/data/io/empty", "tests/data/io/gbk_nocpg",
    "tests/data/io/ldid87_gbk", "tests/data/io/lines", "tests/data/io/noprj_zone39",
    "tests/data/io/null_geom", "tests/data/io/polygon_z", "tests/data/area/parcels_4527",
    "tests/data/area/parcels_4490", "tests/data/area/large_4527",
]
# Flags bytes (fuzz_support.h read_options, measure_every_way): 0 = defaults, ellipsoidal;
# 1 = assume EPSG:4527; 4 = skip invalid; 8 = fail on invalid; 16 = GBK; 32 = group by the
# first field; 64 = survey, 128 = planar, 192 = every method.
FLAG_VARIANTS = {"": 0, "-assume4527-group-survey": 1 | 32 | 64, "-skip-gbk-planar": 4 | 16 | 128,
                 "-fail-all": 8 | 192}


def read(path):
    with open(path, "rb") as f:
        return f.read()


def part(data):
    return struct.pack("<I", len(data)) + data


def write(target, name, data):
    os.makedirs(os.path.join(CORPUS, target), exist_ok=True)
    with open(os.path.join(CORPUS, target, name), "wb") as f:
        f.write(data)


def shapefile_seed(stem, flags):
    def opt(ext):
        p = os.path.join(ROOT, stem + ext)
        return read(p) if os.path.exists(p) else b""
    return (bytes([flags]) + part(opt(".shp")) + part(opt(".shx")) + part(opt(".dbf"))
            + part(opt(".prj")) + opt(".cpg"))


def main():
    shutil.rmtree(CORPUS, ignore_errors=True)
    gdal.SetConfigOption("OGR_CURRENT_DATE", "2024-01-01T00:00:00.000Z")
    gdal.SetConfigOption("OGR_SQLITE_PRAGMA", "page_size=512")
    for stem in SHAPEFILES:
        name = os.path.basename(stem)
        for suffix, flags in FLAG_VARIANTS.items():
            if suffix and stem not in ("tests/data/io/bowtie", "tests/data/area/parcels_4527",
                                       "tests/data/io/noprj_zone39", "tests/data/io/gbk_nocpg"):
                continue
            write("read_shapefile", name + suffix + ".bin", shapefile_seed(stem, flags))

    tmp = tempfile.mkdtemp()
    try:
        for stem in ["tests/data/io/bowtie", "tests/data/io/null_geom", "tests/data/io/polygon_z",
                     "tests/data/area/parcels_4527", "tests/data/area/parcels_4490"]:
            name = os.path.basename(stem)
            src = os.path.join(ROOT, stem + ".shp")
            gpkg = os.path.join(tmp, name + ".gpkg")
            gdal.VectorTranslate(gpkg, src, format="GPKG", layerName=name,
                                 layerCreationOptions=["SPATIAL_INDEX=NO"])
            ds = ogr.Open(gpkg, 1)
            ds.ExecuteSQL("VACUUM")
            ds = None
            write("read_geopackage", name + ".bin", bytes([192]) + read(gpkg))
            geojson = os.path.join(tmp, name + ".geojson")
            gdal.VectorTranslate(geojson, src, format="GeoJSON",
                                 layerCreationOptions=["COORDINATE_PRECISION=4", "RFC7946=NO",
                                                       "WRITE_NAME=NO"])
            write("read_geojson", name + ".bin", bytes([192]) + read(geojson))
        # Two layers in one GeoPackage: the reader lists them and reads each.
        two = os.path.join(tmp, "two_layers.gpkg")
        for stem in ["tests/data/io/bowtie", "tests/data/area/parcels_4527"]:
            gdal.VectorTranslate(two, os.path.join(ROOT, stem + ".shp"), format="GPKG",
                                 accessMode="update" if os.path.exists(two) else None,
                                 layerName=os.path.basename(stem),
                                 layerCreationOptions=["SPATIAL_INDEX=NO"])
        ds = ogr.Open(two, 1)
        ds.ExecuteSQL("VACUUM")
        ds = None
        write("read_geopackage", "two_layers.bin", bytes([32 | 192]) + read(two))
    finally:
        shutil.rmtree(tmp)

    # Hand-written GeoJSON: the shapes GeoJSON allows that a shapefile does not.
    geojson_seeds = {
        "geographic_hole.bin": '{"type":"FeatureCollection","features":[{"type":"Feature",'
        '"properties":{"BSM":"1","HXLX":"水源涵养"},"geometry":{"type":"Polygon","coordinates":'
        '[[[115.5,25.5],[115.6,25.5],[115.6,25.6],[115.5,25.6],[115.5,25.5]],'
        '[[115.52,25.52],[115.54,25.52],[115.54,25.54],[115.52,25.52]]]}}]}',
        "projected_crs_multi.bin": '{"type":"FeatureCollection","crs":{"type":"name","properties":'
        '{"name":"urn:ogc:def:crs:EPSG::4527"}},"features":[{"type":"Feature","properties":'
        '{"BSM":"2"},"geometry":{"type":"MultiPolygon","coordinates":[[[[39380000,2800000],'
        '[39380100,2800000],[39380100,2800100],[39380000,2800000]]],[[[39381000,2800000],'
        '[39381100,2800000],[39381100,2800100],[39381000,2800000]]]]}},{"type":"Feature",'
        '"properties":{"BSM":null},"geometry":null}]}',
        "pole_ring.bin": '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},'
        '"geometry":{"type":"Polygon","coordinates":[[[0,80],[90,80],[180,80],[-90,80],[0,80]]]}}]}',
        "collection.bin": '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},'
        '"geometry":{"type":"GeometryCollection","geometries":[{"type":"Polygon","coordinates":'
        '[[[115,25],[115.1,25],[115.1,25.1],[115,25]]]},{"type":"LineString","coordinates":'
        '[[115,25],[116,26]]}]}}]}',
    }
    for name, text in geojson_seeds.items():
        write("read_geojson", name, bytes([192]) + text.encode())

    # Rules files: the sample's and the tests', and a few that use every key.
    for path in ["samples/huichang/indicators.toml", "tests/data/checks/small.toml",
                 "tests/data/checks/deliveries.toml", "tests/data/checks/bad_syntax.toml",
                 "tests/data/checks/missing_parameter.toml", "tests/data/checks/no_unit.toml",
                 "tests/data/checks/unknown_key.toml", "tests/data/checks/unknown_kind.toml"]:
        write("rules", os.path.basename(path), read(os.path.join(ROOT, path)))
    write("rules", "every_kind.toml", """title = "every kind"
unit = "mu"
method = "survey"

[[check]]
name = "by group"
kind = "not-reduced"
layer = "{delivery}/redline.shp"
by = "HXLX"
baseline = { 水源涵养 = "30000ha", 水土保持 = "1.5万亩" }
where = { XFZT = ["已修复", "修复中"] }
key = "BSM"
label = "HXMC"

[[check]]
name = "function"
kind = "function-not-lowered"
layer = "a.gpkg"
layer_name = "reserves"
previous = "b.gpkg"
previous_layer = "reserves"
field = "GNFQ"
order = ["核心区", "缓冲区", "实验区"]

[[check]]
name = "share"
kind = "min-share"
layer = "a.gpkg"
within = "county.shp"
within_layer = "county"
min_percent = 27.87
share_of = "within"

[[check]]
name = "zones"
kind = "share-of-zones"
layer = "shoreline.shp"
min_percent = 84.7
field = "GNFQ"
zones = ["岸线保护区", "岸线保留区"]
description = "河湖岸线保护率"
""".encode())

    # Units, thresholds and the other small option texts.
    units = ["75587.98ha", "2711.83 km2", "3416亩", "1.5万亩", "10 平方米", "2.5e3 公顷",
             "1平方公里", "3 平方千米", "12 m²", "0.5km²", " 7 mu ", "100 wanmu", "ha", "KM2",
             "ellipsoidal", "geodesic", "survey", "椭球面积", "planar", "repair", "skip", "fail",
             "not-reduced", "nature-unchanged", "function-not-lowered", "min-share",
             "share-of-zones"]
    for i, text in enumerate(units):
        write("units", "unit_%02d.txt" % i, text.encode())

    # WKB: the geometries of the sample's small layers as GDAL exports them for redline (2D,
    # little-endian ISO), and the kinds the reader hands to GEOS (Z, big-endian, empty, open).
    wkb_seeds = {
        "polygon_holes": "POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,3 2,3 3,2 2))",
        "multipolygon": "MULTIPOLYGON(((39500000 2800000,39500100 2800000,39500100 2800100,"
                        "39500000 2800000)),((1 1,2 1,2 2,1 1)))",
        "line": "LINESTRING(3 4,-1 9,7 2)",
        "multiline": "MULTILINESTRING((0 0,1 1),(100 -3,101 -2))",
        "polygon_z": "POLYGON Z((0 0 1,1 0 1,1 1 1,0 0 1))",
        "point": "POINT(1 2)",
        "empty": "POLYGON EMPTY",
    }
    for name, wkt in wkb_seeds.items():
        g = ogr.CreateGeometryFromWkt(wkt)
        write("wkb", name + ".wkb", bytes(g.ExportToIsoWkb(ogr.wkbNDR)))
    big = ogr.CreateGeometryFromWkt(wkb_seeds["polygon_holes"])
    write("wkb", "polygon_big_endian.wkb", bytes(big.ExportToIsoWkb(ogr.wkbXDR)))
    open_ring = bytearray(big.ExportToIsoWkb(ogr.wkbNDR))
    open_ring[-1] ^= 1
    write("wkb", "polygon_open_ring.wkb", bytes(open_ring))
    # closed bit for bit on NaN: open to GEOS (NaN != NaN)
    nan_ring = bytearray(big.ExportToIsoWkb(ogr.wkbNDR))
    first_x = 1 + 4 + 4 + 4
    last_x = 1 + 4 + 4 + 4 + 16 * 4
    nan_ring[first_x:first_x + 8] = struct.pack("<d", float("nan"))
    nan_ring[last_x:last_x + 8] = struct.pack("<d", float("nan"))
    write("wkb", "polygon_closed_on_nan.wkb", bytes(nan_ring))


if __name__ == "__main__":
    sys.exit(main())
