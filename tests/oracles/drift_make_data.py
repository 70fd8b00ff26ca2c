#!/usr/bin/python3
"""Writes tests/data/drift/versions.gpkg: small hand-made versions of a red-line layer.

A 6 x 4 block lattice of 20 m steps in EPSG:4527 (zone-prefixed eastings, near Huichang); every
lattice node is moved by up to 3 m (seeded), so edges are not axis-parallel, and every block is
a polygon through the 40 nodes around it: neighbouring blocks share their edges vertex for
vertex, as red-line polygons drawn on land-survey parcels do.

Layers (fields BSM, HXLX):
  base      14 of the 24 blocks; block (1,1) has a hole (a 2 x 2 step courtyard)
  rounded   base with every coordinate rounded to 1 mm (shift <= 0.71 mm), some rings starting
            at another vertex, one ring reversed, features in another order: only noise
  edited    rounded, and: feature R removed, feature N added in a free block, feature C's HXLX
            changed (水源涵养 -> 水土保持), feature E expanded by the free block next to it,
            feature S shrunk by its last row of lattice steps
  far       one block far from the others (for the "nothing overlaps" cases)
  base_cm117  base in EPSG:4548 (the same zone without the 39 prefix: x - 39 000 000, exact)
  base_4490, edited_4490  base and edited in CGCS2000 longitude/latitude (pyproj, always_xy)

Usage: /usr/bin/python3 tests/oracles/drift_make_data.py OUT.gpkg
"""
import random
import sys

from osgeo import gdal, ogr, osr
from shapely.geometry import Polygon
from pyproj import Transformer
from shapely.ops import transform as shapely_transform, unary_union

ogr.UseExceptions()
X0, Y0 = 39412345.0, 2831234.0   # south-west corner
STEP = 20.0
BLOCK = 10                        # steps per block side
NX, NY = 6, 4                     # blocks

rng = random.Random(20240611)
nodes = {}
for i in range(NX * BLOCK + 1):
    for j in range(NY * BLOCK + 1):
        nodes[i, j] = (X0 + i * STEP + rng.uniform(-3, 3), Y0 + j * STEP + rng.uniform(-3, 3))


def ring(i0, j0, i1, j1):
    """Counter-clockwise ring through the lattice nodes around steps [i0,i1] x [j0,j1]."""
    pts = [nodes[i, j0] for i in range(i0, i1)]
    pts += [nodes[i1, j] for j in range(j0, j1)]
    pts += [nodes[i, j1] for i in range(i1, i0, -1)]
    pts += [nodes[i0, j] for j in range(j1, j0, -1)]
    return pts


def block(bx, by):
    return Polygon(ring(bx * BLOCK, by * BLOCK, (bx + 1) * BLOCK, (by + 1) * BLOCK))


TYPES = ['水源涵养', '水土保持', '生物多样性维护']
chosen = [(0, 0), (1, 0), (2, 0), (0, 1), (1, 1), (2, 1), (3, 1), (0, 2), (1, 2), (4, 2),
          (5, 2), (0, 3), (3, 3), (5, 0)]
base = []
for n, (bx, by) in enumerate(chosen):
    g = block(bx, by)
    if (bx, by) == (1, 1):
        i, j = BLOCK + 4, BLOCK + 4
        g = Polygon(g.exterior.coords, [ring(i, j, i + 2, j + 2)[::-1]])
    base.append(dict(bsm='36073321%06d' % (n + 1), hxlx=TYPES[n % 3], geom=g))
by_bsm = {f['bsm']: f for f in base}
R, C, E, S = base[4]['bsm'], base[6]['bsm'], base[9]['bsm'], base[2]['bsm']
by_bsm[C]['hxlx'] = '水源涵养'   # C starts as 水源涵养 so that its change reads well


def rounded(g, rot=0, reverse=False):
    def r(coords):
        pts = [(round(x, 3), round(y, 3)) for x, y in list(coords)[:-1]]
        if reverse:
            pts = pts[::-1]
        pts = pts[rot:] + pts[:rot]
        return pts
    return Polygon(r(g.exterior.coords), [r(h.coords) for h in g.interiors])


rounded_feats = []
for n, f in enumerate(base):
    g = rounded(f['geom'], rot=(7 * n) % 13, reverse=(n == 3))
    rounded_feats.append(dict(f, geom=g))
order = list(range(len(rounded_feats)))
random.Random(7).shuffle(order)
rounded_feats = [rounded_feats[k] for k in order]

edited = []
for f in rounded_feats:
    if f['bsm'] == R:
        continue
    f = dict(f)
    if f['bsm'] == C:
        f['hxlx'] = '水土保持'
    if f['bsm'] == E:          # block (4,2) grows by the free block (4,3) above it
        f['geom'] = rounded(unary_union([block(4, 2), block(4, 3)]))
    if f['bsm'] == S:          # block (2,0) loses its top row of steps
        f['geom'] = rounded(Polygon(ring(2 * BLOCK, 0, 3 * BLOCK, BLOCK - 1)))
    edited.append(f)
edited.append(dict(bsm='36073321%06d' % (len(base) + 1), hxlx='生物多样性维护',
                   geom=rounded(block(2, 3))))
far = [dict(bsm='36073321%06d' % 99, hxlx='水土保持',
            geom=Polygon([(x + 5000, y + 5000) for x, y in block(0, 0).exterior.coords]))]


def write(path, layers):
    drv = ogr.GetDriverByName('GPKG')
    ds = drv.CreateDataSource(path)
    for name, feats in layers:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(4548 if name.endswith('cm117') else 4490 if name.endswith('4490') else 4527)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        lay = ds.CreateLayer(name, srs, ogr.wkbMultiPolygon, ['GEOMETRY_NAME=geom', 'FID=fid', 'SPATIAL_INDEX=NO'])
        for fname in ('BSM', 'HXLX'):
            lay.CreateField(ogr.FieldDefn(fname, ogr.OFTString))
        for f in feats:
            feat = ogr.Feature(lay.GetLayerDefn())
            feat.SetField('BSM', f['bsm'])
            feat.SetField('HXLX', f['hxlx'])
            feat.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(bytes(f['geom'].wkb))))
            lay.CreateFeature(feat)
    ds = None
    # Small test data: no spatial index, free pages dropped.
    ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.ExecuteSQL('VACUUM')
    ds = None


if __name__ == '__main__':
    cm117 = [dict(f, geom=Polygon([(x - 39000000.0, y) for x, y in f['geom'].exterior.coords],
                                  [[(x - 39000000.0, y) for x, y in h.coords] for h in f['geom'].interiors]))
             for f in base]
    to_deg = Transformer.from_crs(4527, 4490, always_xy=True)
    degrees = lambda feats: [dict(f, geom=shapely_transform(to_deg.transform, f['geom'])) for f in feats]
    write(sys.argv[1], [('base', base), ('rounded', rounded_feats), ('edited', edited), ('far', far),
                        ('base_cm117', cm117), ('base_4490', degrees(base)), ('edited_4490', degrees(edited))])
    print('R removed %s, C reclassified %s, E expanded %s, S shrunk %s, N added %s'
          % (R, C, E, S, edited[-1]['bsm']))
