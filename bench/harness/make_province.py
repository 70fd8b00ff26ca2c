#!/usr/bin/python3
"""Makes the 1 M-parcel province of issue 13 from the generated scale-1 county: the county tiled
COLUMNS x ROWS times, every layer, in one GeoPackage with its spatial indexes.

  make_province.py COUNTY.gpkg OUT.gpkg [--tiles CxR]   (prints a JSON summary on stdout)

--tiles 5x2 is the DEFAULT (the province); --tiles 1x1 is the county itself with the derived
layers (parcels_boundary), which the 100 000-line length case measures.

Recipe (bench/run regenerates the province when this file or the county changes):
- Tile t = row * COLUMNS + column (t = 0..9) is the county translated by
  (column * STEP_X, row * STEP_Y) metres, the steps being the county's extent rounded up to a
  whole kilometre (56 000 m x 87 000 m at scale 1): the tiles touch nowhere, and whole-metre
  offsets are exact in binary floating point at these magnitudes (every coordinate of a tile is
  its county's coordinate plus an integer, bit for bit; the shapes are the same).
- Tile 0 is the county itself. Eastward: the county lies 96-153 km west of zone 39's central
  meridian (easting 39 500 000, EPSG:4527), so five columns end about 127 km east of it; two rows
  end about 174 km further north. Every tile stays well inside the zone's +-250 km, so the CRS
  stays plausible and the geodesic areas of a tile differ from the county's by less than 1 %.
- Keys made unique per tile: every key begins with the county code 360733 (XZQDM; BSM, TBBH);
  tile t uses 360733 + t (360733..360742) in its place, the rest of the key unchanged. The county
  name XZQMC of tile t > 0 gets the suffix "#t". Other fields are copied as they are.
- One layer more than the county: parcels_boundary, the parcels' outlines as lines (BSM kept),
  for `redline length` on a million lines.
- Each layer is written once (a UNION ALL of the tiles through GDAL's SQLite dialect with
  SpatiaLite's ST_Translate), then its R-tree spatial index is built (CreateSpatialIndex).
"""
import json
import math
import os
import sys
import time

from osgeo import gdal, ogr

gdal.UseExceptions()

COLUMNS, ROWS = 5, 2           # DEFAULT tiling: 10 counties, about 1 M parcels at scale 1
STEP_ROUNDING = 1000.0          # metres: the tile step is the county's extent rounded up to this
COUNTY_CODE = '360733'
KEY_FIELDS = ('BSM', 'TBBH', 'XZQDM')   # fields holding keys that begin with the county code
NAME_FIELD = 'XZQMC'
# Layers the county lacks, made from one of its layers: name -> (source layer, fields kept,
# geometry expression, description, geometry type). parcels_boundary gives `redline length` a
# layer of a million lines (the county's only line layer, shoreline_line, has 129).
DERIVED = {
    'parcels_boundary': ('parcels', ('BSM',), 'CastToMultiLinestring(ST_Boundary({}))',
                         '地类图斑边界线（由地类图斑派生）', ogr.wkbMultiLineString),
}


def tile_offsets(extent, columns=COLUMNS, rows=ROWS):
    """[(t, dx, dy)] for the county's extent (minx, maxx, miny, maxy)."""
    step_x = math.ceil((extent[1] - extent[0]) / STEP_ROUNDING) * STEP_ROUNDING
    step_y = math.ceil((extent[3] - extent[2]) / STEP_ROUNDING) * STEP_ROUNDING
    return [(row * columns + column, column * step_x, row * step_y)
            for row in range(rows) for column in range(columns)]


def column_sql(name, field_type, tile):
    quoted = '"' + name.replace('"', '""') + '"'
    if name.upper() in KEY_FIELDS and field_type == ogr.OFTString:
        code = str(int(COUNTY_CODE) + tile)
        return (f"CASE WHEN substr({quoted}, 1, {len(COUNTY_CODE)}) = '{COUNTY_CODE}' "
                f"THEN '{code}' || substr({quoted}, {len(COUNTY_CODE) + 1}) ELSE {quoted} END "
                f'AS {quoted}')
    if name.upper() == NAME_FIELD and tile > 0:
        return f"{quoted} || '#{tile}' AS {quoted}"
    return quoted


def layer_sql(layer, offsets, keep_fields=None, geometry='{}'):
    """The UNION ALL of the tiles of `layer`: fields `keep_fields` (DEFAULT: all), geometry
    `geometry` (a SQL expression around the translated geometry, '{}')."""
    defn = layer.GetLayerDefn()
    fields = [(defn.GetFieldDefn(i).GetName(), defn.GetFieldDefn(i).GetType())
              for i in range(defn.GetFieldCount())
              if keep_fields is None or defn.GetFieldDefn(i).GetName() in keep_fields]
    geom = layer.GetGeometryColumn()
    name = layer.GetName()
    selects = []
    for tile, dx, dy in offsets:
        columns = [column_sql(f, t, tile) for f, t in fields]
        moved = geometry.format(f'ST_Translate("{geom}", {dx:.1f}, {dy:.1f}, 0)')
        selects.append(f'SELECT {", ".join(columns)}, {moved} AS "{geom}" FROM "{name}"')
    return ' UNION ALL '.join(selects)


def main():
    args = sys.argv[1:]
    columns, rows = COLUMNS, ROWS
    if len(args) == 4 and args[2] == '--tiles':
        columns, rows = (int(n) for n in args[3].lower().split('x'))
        args = args[:2]
    if len(args) != 2 or columns < 1 or rows < 1:
        raise SystemExit(__doc__)
    source_path, out_path = args
    started = time.perf_counter()
    source = gdal.OpenEx(source_path, gdal.OF_VECTOR | gdal.OF_READONLY)
    county = source.GetLayerByName('county')
    offsets = tile_offsets(county.GetExtent(), columns, rows)
    step_x = offsets[1][1] if columns > 1 else 0.0
    step_y = offsets[columns][2] if rows > 1 else 0.0
    if os.path.exists(out_path):
        os.remove(out_path)
    out = gdal.GetDriverByName('GPKG').Create(out_path, 0, 0, 0, gdal.GDT_Unknown)
    metadata = dict(source.GetMetadata() or {})
    metadata.update({'PROVINCE_RECIPE': 'bench/harness/make_province.py',
                     'PROVINCE_TILES': f'{columns}x{rows}',
                     'PROVINCE_STEPS': f'{step_x:.0f} m east, {step_y:.0f} m north'})
    out.SetMetadata(metadata)
    layers = {}
    plan = [(source.GetLayerByIndex(i), source.GetLayerByIndex(i).GetName(), None, '{}', None)
            for i in range(source.GetLayerCount())]
    plan += [(source.GetLayerByName(of), name, keep, geometry, description)
             for name, (of, keep, geometry, description, _) in DERIVED.items()]
    for layer, name, keep, geometry, description in plan:
        defn = layer.GetLayerDefn()
        geometry_type = DERIVED[name][4] if name in DERIVED else layer.GetGeomType()
        target = out.CreateLayer(name, layer.GetSpatialRef(), geometry_type,
                                 ['GEOMETRY_NAME=' + layer.GetGeometryColumn(), 'SPATIAL_INDEX=NO',
                                  'FID=fid'] + ([f'DESCRIPTION={description} x{len(offsets)} tiles']
                                                if description else []))
        for f in range(defn.GetFieldCount()):
            if keep is None or defn.GetFieldDefn(f).GetName() in keep:
                target.CreateField(defn.GetFieldDefn(f))
        target = None
        t0 = time.perf_counter()
        gdal.VectorTranslate(out, source, options=[
            '-append', '-dialect', 'SQLite', '-sql', layer_sql(layer, offsets, keep, geometry),
            '-nln', name, '-nlt', ogr.GeometryTypeToName(geometry_type).upper().replace(' ', ''),
            '-gt', '100000'])
        out.ExecuteSQL(f"SELECT CreateSpatialIndex('{name}', '{layer.GetGeometryColumn()}')")
        layers[name] = {'features': out.GetLayerByName(name).GetFeatureCount(),
                        'seconds': round(time.perf_counter() - t0, 1)}
        print(f'[province] {name}: {layers[name]["features"]} features, '
              f'{layers[name]["seconds"]} s', file=sys.stderr, flush=True)
    # Layer descriptions (gpkg_contents) as the county's, saying they are tiled.
    for i in range(source.GetLayerCount()):
        name = source.GetLayerByIndex(i).GetName()
        row = source.ExecuteSQL(f"SELECT identifier, description FROM gpkg_contents "
                                f"WHERE table_name = '{name}'")
        feature = row.GetNextFeature()
        identifier, description = feature.GetField(0), feature.GetField(1)
        source.ReleaseResultSet(row)
        esc = lambda s: (s or '').replace("'", "''")
        out.ExecuteSQL(f"UPDATE gpkg_contents SET identifier = '{esc(identifier)}', "
                       f"description = '{esc(description)} x{len(offsets)} tiles' "
                       f"WHERE table_name = '{name}'")
    out = None
    # Vertices of the parcels: the county's times the tiles (translation keeps every vertex).
    counted = source.ExecuteSQL('SELECT sum(ST_NPoints(geom)) FROM parcels', dialect='SQLite')
    parcel_vertices = counted.GetNextFeature().GetField(0) * len(offsets)
    source.ReleaseResultSet(counted)
    source = None
    print(json.dumps({'parcel_vertices': parcel_vertices, 'tiles': len(offsets), 'columns': columns, 'rows': rows,
                      'steps_m': [step_x, step_y],
                      'layers': layers, 'bytes': os.path.getsize(out_path),
                      'seconds': round(time.perf_counter() - started, 1)}))


if __name__ == '__main__':
    main()
