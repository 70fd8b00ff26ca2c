#!/usr/bin/python3
"""Oracles of tests/overlay/line_coverage_test.cpp and tests/checks/length_checks_test.cpp: the
length of lines inside the union of a polygon layer (parts along the union's boundary are
outside), by shapely (intersection, then difference with the boundary grown by 1 mm: in
floating point, a line digitised along the boundary departs from it by 1e-9 m and would count as
inside; redline cuts on the 1 mm grid), measured planar and geodesic (pieces taken to EPSG:4490
by pyproj, pyproj Geod on the CGCS2000 ellipsoid).

  /usr/bin/python3 tests/oracles/line_coverage.py
  /usr/bin/python3 tests/oracles/line_coverage.py --other-crs
"""
import sys

import geopandas as gpd
from pyproj import Geod
from shapely.ops import unary_union

geod = Geod(a=6378137.0, f=1 / 298.257222101)


def inside_lengths(lines, cover):
    union = unary_union(list(cover.geometry))
    lonlat = lambda g: gpd.GeoSeries([g], crs=lines.crs).to_crs("EPSG:4490").iloc[0]
    rows = []
    for fid, g in zip(lines.index, lines.geometry):
        if g is None or g.is_empty:
            rows.append((fid, 0.0, 0.0, 0.0, 0.0))
            continue
        inside = g.intersection(union).difference(union.boundary.buffer(0.001))
        rows.append((fid, g.length, inside.length, geod.geometry_length(lonlat(g)),
                     geod.geometry_length(lonlat(inside)) if not inside.is_empty else 0.0))
    return rows


def main():
    lines = gpd.read_file("tests/data/lines/lines_4527.gpkg", layer="lines")
    zones = gpd.read_file("tests/data/lines/lines_4527.gpkg", layer="zones")
    print("lines_4527 lines within zones: fid, planar length, planar inside, geodesic length, geodesic inside (m)")
    for fid, pl, pi, gl, gi in inside_lengths(lines, zones):
        print(f"  {fid + 1}: {pl:.6f} {pi:.6f} {gl:.6f} {gi:.6f}")

    sample = "samples/huichang/huichang.gpkg"
    shore = gpd.read_file(sample, layer="shoreline_line")
    redline = gpd.read_file(sample, layer="redline")
    rows = inside_lengths(shore, redline)
    total = sum(r[3] for r in rows)
    inside = sum(r[4] for r in rows)
    print(f"shoreline_line within redline: geodesic {total:.6f} m, inside {inside:.6f} m, "
          f"{100 * inside / total:.6f} %, features inside {sum(1 for r in rows if r[4] > 0)}")
    shore["m"] = [r[3] for r in rows]
    protected = shore[shore.GNFQ.isin(["岸线保护区", "岸线保留区"])].m.sum()
    print(f"shoreline_line share of 岸线保护区 + 岸线保留区 by length: {100 * protected / shore.m.sum():.6f} %")


if __name__ == "__main__" and len(sys.argv) == 1:
    sys.exit(main())


def other_crs():
    """Lines in EPSG:4490 within the sample county (EPSG:4527, taken to 4490 as redline does)."""
    lines = gpd.read_file("tests/data/lines/lines_4490.gpkg", layer="lines")
    county = gpd.read_file("samples/huichang/huichang.gpkg", layer="county").to_crs("EPSG:4490")
    union = unary_union(list(county.geometry))
    print("lines_4490 within county: fid, geodesic inside (m)")
    for fid, g in zip(lines.index, lines.geometry):
        if g is None or g.is_empty:
            continue
        inside = g.intersection(union).difference(union.boundary.buffer(1e-8))
        print(f"  {fid + 1}: {geod.geometry_length(inside) if not inside.is_empty else 0.0:.6f}")


if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "--other-crs":
    other_crs()
