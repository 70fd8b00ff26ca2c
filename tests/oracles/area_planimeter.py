#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Oracle: geodesic areas of a polygon layer by GeographicLib's command-line tools.

For every feature of LAYER, every ring's vertices are
  1. read as stored (osgeo.ogr reads the coordinates; nothing is reprojected by GDAL/PROJ);
  2. for a Gauss-Kruger layer (--zone N: 3-degree zone N with zone-prefixed eastings, e.g.
     EPSG:4527 = zone 39), taken to latitude/longitude with GeographicLib's exact transverse
     Mercator, after removing the false easting N*1e6 + 500000:
        TransverseMercatorProj -r -l 3N -k 1 -e 6378137 1/298.257222101 -p 12
     (for --geographic, EPSG:4490, the stored lon/lat are used as they are);
  3. measured with
        Planimeter -e 6378137000 1/298.257222101 -p 10
     and the area divided by 1e6. CGCS2000 is the GRS80 ellipsoid (a = 6378137 m,
     1/f = 298.257222101); each edge is a geodesic. Why a is given in millimetres: Planimeter
     prints at most 5 decimals of m² (-p is capped at 10), i.e. only 1e-8 relative on a
     1000 m² parcel; on an ellipsoid 1000 times larger every area is exactly 1e6 times larger
     (geodesics and areas scale with a), so its 5 decimals give 1e-11 m² here. Check:
        Planimeter -e 6378137 1/298.257222101 -p 10
     prints the same areas rounded to 1e-5 m².
A feature's area is the sum over its parts of |shell| - sum |holes|.
With --rhumb, Planimeter gets -R (edges are rhumb lines: a latitude-longitude rectangle is
then measured exactly, the closed form a survey-formula test can use).

Usage:
  /usr/bin/python3 tests/oracles/area_planimeter.py tests/data/area/parcels_4527.shp --zone 39
  /usr/bin/python3 tests/oracles/area_planimeter.py tests/data/area/parcels_4490.shp --geographic
  /usr/bin/python3 tests/oracles/area_planimeter.py samples/huichang/huichang.gpkg \
      --layer county --zone 39
Prints one line per feature ("fid area_m2") and the total, with 17 significant digits; with
--rings also one line per ring ("fid ring N shell|hole |area|"; ring 0 of each part is a shell).
"""

import argparse
import subprocess
import sys

from osgeo import ogr

ogr.UseExceptions()

ELLIPSOID = ['-e', '6378137', '1/298.257222101']
ELLIPSOID_MM = ['-e', '6378137000', '1/298.257222101']  # the same ellipsoid in millimetres


def rings_of(geometry):
    """Yields (is_hole, [(x, y), ...]) for every ring, closing point dropped."""
    if geometry is None or geometry.IsEmpty():
        return
    name = geometry.GetGeometryName()
    polygons = [geometry] if name == 'POLYGON' else \
        [geometry.GetGeometryRef(i) for i in range(geometry.GetGeometryCount())]
    for poly in polygons:
        for r in range(poly.GetGeometryCount()):
            ring = poly.GetGeometryRef(r)
            pts = [(ring.GetX(i), ring.GetY(i)) for i in range(ring.GetPointCount())]
            if len(pts) > 1 and pts[0] == pts[-1]:
                pts.pop()
            yield r > 0, pts


def run(cmd, text):
    return subprocess.run(cmd, input=text, capture_output=True, text=True, check=True).stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('path')
    ap.add_argument('--layer')
    kind = ap.add_mutually_exclusive_group(required=True)
    kind.add_argument('--zone', type=int, help='3-degree Gauss-Kruger zone with prefixed eastings')
    kind.add_argument('--geographic', action='store_true', help='lon/lat in degrees')
    ap.add_argument('--rhumb', action='store_true', help='edges are rhumb lines (Planimeter -R)')
    ap.add_argument('--rings', action='store_true', help="also print every ring's |area|")
    args = ap.parse_args()

    ds = ogr.Open(args.path)
    layer = ds.GetLayerByName(args.layer) if args.layer else ds.GetLayer(0)
    features = []  # (fid, [(is_hole, [(x, y)])])
    for f in layer:
        features.append((f.GetFID(), list(rings_of(f.GetGeometryRef()))))

    # All vertices in one call of each tool.
    vertices = [p for _, rings in features for _, ring in rings for p in ring]
    if args.zone:
        false_easting = args.zone * 1e6 + 500000.0
        text = ''.join('%.9f %.9f\n' % (x - false_easting, y) for x, y in vertices)
        out = run(['TransverseMercatorProj', '-r', '-l', str(3 * args.zone), '-k', '1']
                  + ELLIPSOID + ['-p', '12'], text)
        latlon = [tuple(line.split()[:2]) for line in out.splitlines()]
    else:
        latlon = [('%.15f' % y, '%.15f' % x) for x, y in vertices]
    assert len(latlon) == len(vertices)

    # One Planimeter polygon per ring, separated by blank lines.
    blocks, k = [], 0
    for _, rings in features:
        for _, ring in rings:
            blocks.append('\n'.join('%s %s' % latlon[k + i] for i in range(len(ring))))
            k += len(ring)
    cmd = ['Planimeter'] + ELLIPSOID_MM + ['-p', '10'] + (['-R'] if args.rhumb else [])
    out = run(cmd, '\n\n'.join(blocks) + '\n') if blocks else ''
    ring_areas = [abs(float(line.split()[2])) / 1e6 for line in out.splitlines() if line.strip()]
    assert len(ring_areas) == len(blocks), (len(ring_areas), len(blocks))

    total, k = 0.0, 0
    for fid, rings in features:
        area = 0.0
        for r, (is_hole, _) in enumerate(rings):
            area += -ring_areas[k] if is_hole else ring_areas[k]
            if args.rings:
                print('%d ring %d %s %.17g' % (fid, r, 'hole' if is_hole else 'shell', ring_areas[k]))
            k += 1
        total += area
        print('%d %.17g' % (fid, area))
    print('total %.17g' % total)


if __name__ == '__main__':
    sys.exit(main())
