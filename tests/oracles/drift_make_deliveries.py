#!/usr/bin/python3
"""Writes tests/data/checks/deliveries/: two deliveries of a red-line layer, for
`redline check RULES --deliveries DIR`, from tests/data/drift/versions.gpkg.

  2024-01.gpkg  layer redline = versions.gpkg:rounded (the base re-exported to 1 mm: passes
                "not reduced" against versions.gpkg:base)
  2024-02.gpkg  layer redline = versions.gpkg:base without BSM 36073321000005 and
                36073321000007 (fails: 38822.408927 + 39962.002775 m² lost, their pyproj geodesic
                areas, printed by tests/oracles/drift_geopandas.py's Measure.area)

Usage: /usr/bin/python3 tests/oracles/drift_make_deliveries.py tests/data/drift/versions.gpkg DIR
"""
import os
import sys

from osgeo import gdal, ogr

gdal.UseExceptions()
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
for name, layer, where in (('2024-01', 'rounded', None),
                           ('2024-02', 'base', "BSM NOT IN ('36073321000005', '36073321000007')")):
    path = os.path.join(out, name + '.gpkg')
    if os.path.exists(path):
        os.remove(path)
    ds = gdal.VectorTranslate(path, src, layers=[layer], layerName='redline', where=where, format='GPKG',
                              layerCreationOptions=['SPATIAL_INDEX=NO'])
    ds = None  # closed: written
    ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.ExecuteSQL('VACUUM')
    ds = None
    ds = ogr.Open(path)
    print(path, ds.GetLayer(0).GetFeatureCount())
    ds = None
