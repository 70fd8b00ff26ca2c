#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Makes the shapefiles of tests/data/io/attributes (deterministic, byte for byte).

Run from anywhere with the Debian interpreter (python3-gdal):
    /usr/bin/python3 tests/oracles/make_attribute_data.py

Each shapefile holds three 100 m squares in EPSG:4527 (zone-39 prefixed eastings, FIDs 0, 1, 2)
with text fields BSM and HXLX. GDAL writes them with ASCII placeholders; the DBF bytes of the
placeholders are then replaced with the exact bytes each case needs (same length, space padded),
so that the files hold what real deliveries hold, not what GDAL would write.

  utf8_in_gbk.shp    .cpg says GBK; HXLX of FID 0 is GBK 水源涵养, of FID 1 the UTF-8 bytes of
                     生物多样性维护 (mixed encodings: GDAL alone reads it as mojibake)
  bad_gbk.shp        .cpg says GBK; HXLX of FID 2 is GBK 水土 followed by 0xFF (no GBK byte)
  bad_utf8.shp       .cpg says UTF-8; HXLX of FID 1 is UTF-8 水源 followed by 0xC3 0x28
  unknown_cpg.shp    .cpg says FOOBAR (no such encoding); the text is plain ASCII
  no_dbf.shp         .shp, .shx, .prj and .cpg without the .dbf
  null_keys.shp      .cpg says UTF-8; BSM of FID 0 is 'A1', of FIDs 1 and 2 null (a DBF has no
                     NULL distinct from ''); HXLX 水源涵养 / (null) / 水土保持; real R 1.5 / NaN / NaN
  keys.gpkg          GeoPackage (NULL and '' distinct), layers "before" and "after", fields BSM,
                     HXLX; squares k = 0, 1, 2 ... as above (k-th square at X0 + 200 k):
                       before  FID 1 BSM 'A1' HXLX 水源涵养 square 0
                               FID 2 BSM NULL HXLX NULL     square 1
                               FID 3 BSM ''   HXLX ''       square 2
                       after   FID 1 BSM 'A1' HXLX 水源涵养 square 0
                               FID 2 BSM NULL HXLX NULL     square 3
                               FID 3 BSM ''   HXLX ''       square 4
                     Matching NULL or '' keys would pair square 1 with 3 and 2 with 4.
  hostile.gpkg       layer "parcels", squares 0-5 with NAME values a spreadsheet or a terminal
                     would act on: =HYPERLINK("http://evil","x") / ESC[2J ESC[31m red / a|b /
                     -5 / @cmd / U+202E evil
"""

import os

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()
gdal.SetConfigOption('OGR_CURRENT_DATE', '2024-01-01T00:00:00.000Z')

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, '..', 'data', 'io', 'attributes'))
X0, Y0 = 39398000.0, 2822000.0
WIDTH = 40  # bytes of the HXLX field


def square(k):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    x = X0 + 200.0 * k
    for dx, dy in [(0, 0), (0, 100), (100, 100), (100, 0), (0, 0)]:
        ring.AddPoint_2D(x + dx, Y0 + dy)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def remove(stem):
    for ext in ('.shp', '.shx', '.dbf', '.prj', '.cpg'):
        if os.path.exists(stem + ext):
            os.remove(stem + ext)


def write(name, cpg, bsm, hxlx, reals=None):
    """bsm, hxlx: per feature, bytes or None (null); reals: floats for a field R. Returns the stem."""
    stem = os.path.join(OUT, name)
    remove(stem)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds = ogr.GetDriverByName('ESRI Shapefile').CreateDataSource(stem + '.shp')
    layer = ds.CreateLayer(name, srs, ogr.wkbPolygon, options=['ENCODING=UTF-8'])
    for field, width in (('BSM', 10), ('HXLX', WIDTH)):
        fd = ogr.FieldDefn(field, ogr.OFTString)
        fd.SetWidth(width)
        layer.CreateField(fd)
    if reals is not None:
        layer.CreateField(ogr.FieldDefn('R', ogr.OFTReal))
    for k in range(3):
        f = ogr.Feature(layer.GetLayerDefn())
        if reals is not None:
            f.SetField('R', reals[k])
        if bsm[k] is not None:
            f.SetField('BSM', 'B%d' % k)
        if hxlx[k] is not None:
            f.SetField('HXLX', 'PLACEHOLDER%d' % k)
        f.SetGeometry(square(k))
        layer.CreateFeature(f)
    ds = None
    dbf = stem + '.dbf'
    raw = bytearray(open(dbf, 'rb').read())
    raw[1:4] = bytes([124, 1, 1])  # last update 2024-01-01: same bytes on every run
    raw[29] = 0                    # no LDID: only the .cpg speaks
    for k in range(3):
        for placeholder, value, width in ((b'B%d' % k, bsm[k], 10),
                                          (b'PLACEHOLDER%d' % k, hxlx[k], WIDTH)):
            if value is None:
                continue
            at = raw.index(placeholder.ljust(width))
            raw[at:at + width] = value.ljust(width)
    open(dbf, 'wb').write(bytes(raw))
    with open(stem + '.cpg', 'w') as f:
        f.write(cpg)
    return stem


def write_keys_gpkg():
    path = os.path.join(OUT, 'keys.gpkg')
    if os.path.exists(path):
        os.remove(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds = ogr.GetDriverByName('GPKG').CreateDataSource(path)
    rows = {'before': [('A1', '水源涵养', 0), (None, None, 1), ('', '', 2)],
            'after': [('A1', '水源涵养', 0), (None, None, 3), ('', '', 4)]}
    for name in ('before', 'after'):
        layer = ds.CreateLayer(name, srs, ogr.wkbPolygon)
        for field in ('BSM', 'HXLX'):
            layer.CreateField(ogr.FieldDefn(field, ogr.OFTString))
        for bsm, hxlx, k in rows[name]:
            f = ogr.Feature(layer.GetLayerDefn())
            if bsm is not None:
                f.SetField('BSM', bsm)
            if hxlx is not None:
                f.SetField('HXLX', hxlx)
            f.SetGeometry(square(k))
            layer.CreateFeature(f)
    ds = None


def write_hostile_gpkg():
    path = os.path.join(OUT, 'hostile.gpkg')
    if os.path.exists(path):
        os.remove(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds = ogr.GetDriverByName('GPKG').CreateDataSource(path)
    layer = ds.CreateLayer('parcels', srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn('NAME', ogr.OFTString))
    names = ['=HYPERLINK("http://evil","x")', '\x1b[2J\x1b[31mred', 'a|b', '-5', '@cmd', '\u202eevil']
    for k, name in enumerate(names):
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField('NAME', name)
        f.SetGeometry(square(k))
        layer.CreateFeature(f)
    ds = None


def main():
    os.makedirs(OUT, exist_ok=True)
    gbk = lambda s: s.encode('gbk')
    utf8 = lambda s: s.encode('utf-8')
    bsm = [b'A1', b'A2', b'A3']

    write('utf8_in_gbk', 'GBK', bsm, [gbk('水源涵养'), utf8('生物多样性维护'), gbk('水土保持')])
    write('bad_gbk', 'GBK', bsm, [gbk('水源涵养'), gbk('生物多样性维护'), gbk('水土') + b'\xff'])
    write('bad_utf8', 'UTF-8', bsm, [utf8('水源涵养'), utf8('水源') + b'\xc3\x28', utf8('水土保持')])
    write('unknown_cpg', 'FOOBAR', bsm, [b'a', b'b', b'c'])
    stem = write('no_dbf', 'UTF-8', bsm, [b'a', b'b', b'c'])
    os.remove(stem + '.dbf')
    write('null_keys', 'UTF-8', [b'A1', None, None], [utf8('水源涵养'), None, utf8('水土保持')],
          reals=[1.5, float('nan'), float('nan')])
    write_keys_gpkg()
    write_hostile_gpkg()

    # The bytes are what the docstring says.
    raw = open(os.path.join(OUT, 'utf8_in_gbk.dbf'), 'rb').read()
    assert gbk('水源涵养') in raw and utf8('生物多样性维护') in raw
    raw = open(os.path.join(OUT, 'bad_gbk.dbf'), 'rb').read()
    assert gbk('水土') + b'\xff' in raw


if __name__ == '__main__':
    main()
