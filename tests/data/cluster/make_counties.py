#!/usr/bin/python3
"""Makes the small catalogue of tests/cluster (run from anywhere; writes beside this script).

Three "counties", each a delivery folder holding redline.geojson (a red line layer of the test
data, copied as it is) and county.geojson (one polygon: the red line's bounding box grown by a
margin, standing for the county's boundary), in the red line's CRS:
  360781  redline of tests/data/checks/deliveries/2024-01.gpkg, margin 500 m
  360782  redline of tests/data/checks/deliveries/2024-02.gpkg, margin 1000 m
  360783  layer base of tests/data/drift/versions.gpkg,           margin 200 m
"""
import os
from osgeo import gdal, ogr

gdal.UseExceptions()
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
COUNTIES = [
    ('360781', os.path.join(DATA, 'checks/deliveries/2024-01.gpkg'), 'redline', 500.0),
    ('360782', os.path.join(DATA, 'checks/deliveries/2024-02.gpkg'), 'redline', 1000.0),
    ('360783', os.path.join(DATA, 'drift/versions.gpkg'), 'base', 200.0),
]

for code, source, layer, margin in COUNTIES:
    folder = os.path.join(HERE, 'deliveries', code)
    os.makedirs(folder, exist_ok=True)
    redline = os.path.join(folder, 'redline.geojson')
    county = os.path.join(folder, 'county.geojson')
    for f in (redline, county):
        if os.path.exists(f):
            os.remove(f)
    gdal.VectorTranslate(redline, source, layers=[layer], layerName='redline', format='GeoJSON',
                         layerCreationOptions=['COORDINATE_PRECISION=3', 'WRITE_NAME=NO'])
    src = ogr.Open(source)
    lyr = src.GetLayerByName(layer)
    minx, maxx, miny, maxy = lyr.GetExtent()
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in [(minx - margin, miny - margin), (maxx + margin, miny - margin),
                 (maxx + margin, maxy + margin), (minx - margin, maxy + margin),
                 (minx - margin, miny - margin)]:
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    drv = ogr.GetDriverByName('GeoJSON')
    out = drv.CreateDataSource(county)
    ol = out.CreateLayer('county', lyr.GetSpatialRef(), ogr.wkbPolygon, options=['WRITE_NAME=NO'])
    ol.CreateField(ogr.FieldDefn('XZQDM', ogr.OFTString))
    feat = ogr.Feature(ol.GetLayerDefn())
    feat.SetField('XZQDM', code)
    feat.SetGeometry(poly)
    ol.CreateFeature(feat)
    out = None
