#!/usr/bin/python3
"""Makes a faulty copy of a parcels delivery for the qa-faults case: the layers `county` and
`parcels` of SRC copied to DST (GeoPackage, written to a temporary name, renamed last) with
these faults, each on parcels chosen deterministically (the first parcels in file order, from
the middle of the layer on, lying at least 500 m inside the county and not next to each other):

  3 parcels duplicated (a copy with the same BSM appended): 3 duplicate keys, 3 overlapping pairs
  1 parcel's BSM set to NULL: 1 empty key
  2 parcels deleted: 2 gaps
  1 sliver (a 0.02 m x 40 m rectangle, BSM of its own) put inside the first gap: 1 sliver

  make_faulty_delivery.py SRC DST   -> prints JSON {"faults": {...}, "expected": {kind: count}}
Nothing is done when DST was made from this SRC (same path and time) by this script (it prints
the same JSON)."""
import json
import os
import sys

from osgeo import gdal, ogr

gdal.UseExceptions()
ogr.UseExceptions()

EXPECTED = {'invalid': 0, 'overlapping_pairs': 3, 'gaps': 2, 'slivers': 1, 'duplicate_keys': 3,
            'empty_keys': 1}


def choose(parcels, county):
    """FIDs for the faults: 6 parcels well inside the county, pairwise apart."""
    inner = county.Buffer(-500.0)
    n = parcels.GetFeatureCount()
    chosen, geoms = [], []
    parcels.ResetReading()
    for k, f in enumerate(parcels):
        if k < n // 2:
            continue
        g = f.GetGeometryRef().Clone()
        if not g.Within(inner) or any(g.Distance(h) < 200.0 for h in geoms):
            continue
        chosen.append((f.GetFID(), f.GetField('BSM')))
        geoms.append(g)
        if len(chosen) == 6:
            break
    if len(chosen) < 6:
        raise SystemExit('make_faulty_delivery: found only %d parcels for the faults' % len(chosen))
    return chosen, geoms


def main():
    src, dst = sys.argv[1], sys.argv[2]
    stamp = dst + '.json'
    source = {'path': os.path.abspath(src), 'mtime': os.path.getmtime(src),
              'script_mtime': os.path.getmtime(os.path.abspath(__file__))}
    if os.path.exists(dst) and os.path.exists(stamp):
        with open(stamp) as f:
            made = json.load(f)
        if made.get('source') == source:
            print(json.dumps(made, ensure_ascii=False))
            return
    ds = gdal.OpenEx(src, gdal.OF_VECTOR | gdal.OF_READONLY)
    county_feature = next(iter(ds.GetLayerByName('county')))   # keeps its geometry alive
    county = county_feature.GetGeometryRef().Clone()
    parcels = ds.GetLayerByName('parcels')
    chosen, geoms = choose(parcels, county)
    duplicate, empty, deleted = chosen[:3], chosen[3], chosen[4:]
    tmp = dst + '.tmp.gpkg'
    if os.path.exists(tmp):
        os.remove(tmp)
    out = gdal.VectorTranslate(tmp, ds, layers=['county'], format='GPKG')
    out = None
    out = gdal.OpenEx(tmp, gdal.OF_VECTOR | gdal.OF_UPDATE)
    layer = out.CreateLayer('parcels', parcels.GetSpatialRef(), parcels.GetGeomType(),
                            ['GEOMETRY_NAME=geom', 'FID=fid'])
    defn_in = parcels.GetLayerDefn()
    for i in range(defn_in.GetFieldCount()):
        layer.CreateField(defn_in.GetFieldDefn(i))
    defn = layer.GetLayerDefn()
    gone = {fid for fid, _ in deleted}
    copies = []
    layer.StartTransaction()
    parcels.ResetReading()
    for f in parcels:
        if f.GetFID() in gone:
            continue
        g = ogr.Feature(defn)
        g.SetFrom(f)
        g.SetFID(-1)
        if f.GetFID() == empty[0]:
            g.SetFieldNull('BSM')
        layer.CreateFeature(g)
        if f.GetFID() in {fid for fid, _ in duplicate}:
            copies.append(g.Clone())
    for g in copies:
        g.SetFID(-1)
        layer.CreateFeature(g)
    # the sliver: 2 cm wide, 40 m long, at the centre of the first gap
    c = geoms[4].PointOnSurface()
    x, y = c.GetX(), c.GetY()
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for px, py in ((x - 20, y), (x + 20, y), (x + 20, y + 0.02), (x - 20, y + 0.02), (x - 20, y)):
        ring.AddPoint_2D(px, py)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    sliver = ogr.Feature(defn)
    sliver.SetField('BSM', '360733999999999')
    sliver.SetField('DLBM', '1206')
    sliver.SetField('DLMC', '裸土地')
    sliver.SetGeometry(ogr.ForceToMultiPolygon(poly))
    layer.CreateFeature(sliver)
    layer.CommitTransaction()
    out = None
    os.replace(tmp, dst)
    report = json.dumps({'faults': {'duplicated': [b for _, b in duplicate], 'empty_key': empty[1],
                                    'deleted': [b for _, b in deleted],
                                    'sliver': '360733999999999'},
                         'expected': EXPECTED, 'source': source}, ensure_ascii=False)
    with open(stamp, 'w') as f:
        f.write(report)
    print(report)


if __name__ == '__main__':
    main()
