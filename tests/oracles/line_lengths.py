#!/usr/bin/python3
"""Oracle figures of tests/measure/length_test.cpp: geodesic lengths of the test lines on the
CGCS2000 ellipsoid by GeographicLib's GeodSolve (one `GeodSolve -i` per segment, summed), and
the planar lengths by shapely.

  /usr/bin/python3 tests/oracles/line_lengths.py

EPSG:4527 vertices are taken to longitude/latitude with pyproj (always_xy) first.
"""
import subprocess
import sys

from pyproj import Transformer
from shapely import wkt as shapely_wkt

sys.path.insert(0, "tests/data/lines")
from make_lines import LINES_4490, LINES_4527  # noqa: E402

GEOD = ["GeodSolve", "-i", "-e", "6378137", "1/298.257222101", "-p", "9"]


def segments(geom):
    parts = geom.geoms if geom.geom_type.startswith("Multi") else [geom]
    for part in parts:
        cs = list(part.coords)
        for p, q in zip(cs, cs[1:]):
            yield (p[0], p[1]), (q[0], q[1])


def geodesic(geom, to_lonlat=None):
    lines = []
    for p, q in segments(geom):
        if to_lonlat:
            p, q = to_lonlat(*p), to_lonlat(*q)
        lines.append(f"{p[1]!r} {p[0]!r} {q[1]!r} {q[0]!r}")
    if not lines:
        return 0.0
    out = subprocess.run(GEOD, input="\n".join(lines) + "\n", capture_output=True, text=True, check=True).stdout
    return sum(float(row.split()[2]) for row in out.strip().splitlines())


def main():
    print("EPSG:4490 geodesic (m):")
    for w, name, _ in LINES_4490:
        if w is None or "EMPTY" in w:
            continue
        print(f"  {name}: {geodesic(shapely_wkt.loads(w)):.9f}")
    t = Transformer.from_crs("EPSG:4527", "EPSG:4490", always_xy=True)
    print("EPSG:4527 geodesic (m), planar (m):")
    for w, name, _ in LINES_4527:
        g = shapely_wkt.loads(w)
        print(f"  {name}: {geodesic(g, t.transform):.9f} {g.length:.9f}")


if __name__ == "__main__":
    main()
