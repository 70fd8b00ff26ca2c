#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Oracle: the spike vertices of a projected polygon layer, by plain numpy-free Python.

For every ring of every feature (read with osgeo.ogr, coordinates as stored), the closing
vertex and exact repeats dropped, the angle at each vertex between the edges to its two
neighbours is atan2(|u x v|, u . v) in degrees; vertices below MAX_DEGREES are printed as
"fid x y angle shorter_edge".

Usage:
  /usr/bin/python3 tests/oracles/qa_sample_spikes.py samples/huichang/huichang.gpkg parcels 1.0
"""

import math
import os
import sys

from osgeo import ogr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from area_planimeter import rings_of  # noqa: E402  (the rings as stored, closing point dropped)

ogr.UseExceptions()


def main():
    path, layer_name, max_degrees = sys.argv[1], sys.argv[2], float(sys.argv[3])
    source = ogr.Open(path)  # kept: the layer lives only as long as its dataset
    layer = source.GetLayer(layer_name)
    for feature in layer:
        for _, pts in rings_of(feature.GetGeometryRef()):
            distinct = []
            for p in pts:
                if not distinct or p != distinct[-1]:
                    distinct.append(p)
            while len(distinct) > 1 and distinct[-1] == distinct[0]:
                distinct.pop()
            n = len(distinct)
            for k in range(n if n >= 3 else 0):
                a, b, c = distinct[k - 1], distinct[k], distinct[(k + 1) % n]
                ux, uy = a[0] - b[0], a[1] - b[1]
                vx, vy = c[0] - b[0], c[1] - b[1]
                angle = math.degrees(math.atan2(abs(ux * vy - uy * vx), ux * vx + uy * vy))
                if angle < max_degrees:
                    print('%d %.3f %.3f %.6g %.2f' % (feature.GetFID(), b[0], b[1], angle,
                                                      min(math.hypot(ux, uy), math.hypot(vx, vy))))


if __name__ == '__main__':
    main()
