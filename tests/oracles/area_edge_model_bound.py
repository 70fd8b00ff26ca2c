#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Oracle: how far the survey (椭球面积) and the geodesic area of a polygon may differ.

The two methods share the vertices and differ only in the edges: the survey series takes each
edge as a straight line in (B, L), the geodesic area as a geodesic. Between the same two points,
the geodesic bows poleward from the (B, L) line; on a sphere of radius R, for an edge of length
s and azimuth a at latitude phi, the bow's sagitta is s^2 sin^2(a) tan(phi) / (8 R) (the
great-circle bulge of an east-west chord spanning s sin(a)), and the sliver between the two
curves has area (2/3) (s sin a) * sagitta. So, per polygon,

    |survey - geodesic| <= sum over edges of s^3 tan(phi) / (12 R),

taking the worst azimuth for every edge and no cancellation between edges. R = 6 300 000 m is
below both radii of curvature of the ellipsoid at these latitudes (M ~ 6.345e6, N ~ 6.382e6 m),
which makes the bound a little larger, never smaller. Edge lengths are taken in the projected
CRS (Gauss-Kruger scale < 1.0002 here) and phi from the layer's latitude extent (its largest
|phi|), both rounded up by 0.1%.

On a rectangle aligned with the axes the bows of the north and south edges cancel, which is why
1 ha squares differ by ~1e-8 while a skewed 836 m2 parcel differs by 1.6e-6 relative.

Usage: /usr/bin/python3 tests/oracles/area_edge_model_bound.py tests/data/area/parcels_4527.shp
Prints "fid bound_m2" per feature.
"""

import math
import sys

from osgeo import ogr, osr

ogr.UseExceptions()
R = 6300000.0


def main():
    ds = ogr.Open(sys.argv[1])
    layer = ds.GetLayer(0)
    geographic = layer.GetSpatialRef().CloneGeogCS()
    geographic.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    projected = layer.GetSpatialRef()
    projected.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_lonlat = osr.CoordinateTransformation(projected, geographic)
    min_x, max_x, min_y, max_y = layer.GetExtent()
    phi = max(abs(to_lonlat.TransformPoint(x, y)[1]) for x in (min_x, max_x) for y in (min_y, max_y))
    tan_phi = math.tan(math.radians(phi)) * 1.001
    for f in layer:
        g = f.GetGeometryRef()
        polys = [g] if g.GetGeometryName() == 'POLYGON' else \
            [g.GetGeometryRef(i) for i in range(g.GetGeometryCount())]
        cubes = 0.0
        for p in polys:
            for r in range(p.GetGeometryCount()):
                ring = p.GetGeometryRef(r)
                for i in range(ring.GetPointCount() - 1):
                    s = math.hypot(ring.GetX(i + 1) - ring.GetX(i), ring.GetY(i + 1) - ring.GetY(i))
                    cubes += (s * 1.001) ** 3
        print('%d %.6g' % (f.GetFID(), cubes * tan_phi / (12 * R)))


if __name__ == '__main__':
    main()
