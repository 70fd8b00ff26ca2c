#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Oracle: geodesic ring areas to ~1e-9 m², evaluated with 40 significant digits (mpmath).

Why: Karney's algorithm in double precision (PROJ's geod_polygon*, GeographicLib's Planimeter,
PostGIS) rounds each edge's area-to-the-equator to about a^2 e^2 eps ~ 3e-5 m², so on a parcel
its figure is off by up to ~1e-4 m² (8e-5 m² measured on 10 m-1 km rings; moving one vertex by
one ulp moves it by 2e-5 m²). Tests that want more than that need an exact figure.

How: latitude -> authalic latitude xi maps the ellipsoid onto the sphere of radius Rq with equal
areas; an edge's area down to the equator is the great circle's on that sphere,
    Rq^2 * 2 atan(tan(dlambda/2) (z1 + z2) / (1 + z1 z2 + c1 c2)),   z = sin xi, c = cos xi,
plus the lens between the geodesic's image and that great circle, Rq^2/12 x (p dxi^2 + q x^2),
x = cos xi dlambda (see lib/crs/authalic_area.h for p and q). Evaluated here in 40 digits, so the
only error is the formula's truncation, which (mode `edges`) is measured against GeographicLib's
S12 on edges of 5-100 km, where S12's rounding is negligible: it grows like L^5,
<= 1.87e-25 m^-3 L^5 / cos^2(phi), i.e. < 2e-10 m² per edge up to 1 km.

Usage:
  authalic_area_exact.py ring "lat lon" ...        exact area (m²) of one ring, vertices as given
  authalic_area_exact.py layer FILE [--zone 39]    per feature: exact area (holes subtracted);
                                                    Gauss-Kruger zone N is unprojected by pyproj
  authalic_area_exact.py edges                     the truncation scan: max |d| cos^2 / L^5
Ellipsoid: CGCS2000 (a = 6378137, 1/f = 298.257222101).
"""
import sys

import mpmath as mp

mp.mp.dps = 40
A = mp.mpf(6378137)
F = 1 / mp.mpf("298.257222101")
E2 = F * (2 - F)
E = mp.sqrt(E2)


def q_of(phi):
    s = mp.sin(phi)
    return (1 - E2) * (s / (1 - E2 * s * s) + mp.atanh(E * s) / E)


QP = q_of(mp.pi / 2)
RQ2 = A * A * QP / 2


def vertex(lat):
    phi = mp.radians(mp.mpf(lat))
    s, cp = mp.sin(phi), mp.cos(phi)
    z = q_of(phi) / QP
    c = mp.sqrt(1 - z * z)
    n = A / mp.sqrt(1 - E2 * s * s)
    k = mp.sqrt(RQ2) * c / (n * cp)
    dk = (k * k * s - z) / c
    return z, c, 3 * dk, dk / k**4 + (z / c) * (k**-4 - 1)


def edge(lat1, lon1, lat2, lon2):
    z1, c1, p1, q1 = vertex(lat1)
    z2, c2, p2, q2 = vertex(lat2)
    d = mp.mpf(lon2) - mp.mpf(lon1)
    d = d - 360 * mp.nint(d / 360)
    dl = mp.radians(d)
    great = 2 * mp.atan(mp.tan(dl / 2) * (z1 + z2) / (1 + z1 * z2 + c1 * c2))
    dxi = mp.atan2(z2 * c1 - z1 * c2, c1 * c2 + z1 * z2)
    x = (c1 + c2) / 2 * dl
    return RQ2 * (great + x / 12 * ((p1 + p2) / 2 * dxi * dxi + (q1 + q2) / 2 * x * x))


def ring(lats, lons):
    n = len(lats)
    return abs(sum(edge(lats[i], lons[i], lats[(i + 1) % n], lons[(i + 1) % n]) for i in range(n)))


def layer(path, zone):
    from osgeo import ogr
    tr = None
    if zone:
        from pyproj import Transformer
        tr = Transformer.from_crs(f"EPSG:{4488 + zone}", "EPSG:4490", always_xy=True)
    ds = ogr.Open(path)
    lyr = ds.GetLayer(0)
    for ft in lyr:
        g = ft.GetGeometryRef()
        polys = [g] if g.GetGeometryType() in (ogr.wkbPolygon, ogr.wkbPolygon25D) else [
            g.GetGeometryRef(k) for k in range(g.GetGeometryCount())]
        total = mp.mpf(0)
        for p in polys:
            for k in range(p.GetGeometryCount()):
                pts = p.GetGeometryRef(k).GetPoints()[:-1]
                xs, ys = [q[0] for q in pts], [q[1] for q in pts]
                if tr:
                    xs, ys = tr.transform(xs, ys)
                total += (1 if k == 0 else -1) * ring(ys, xs)
        print(ft.GetFID(), mp.nstr(total, 20))


def edges():
    from geographiclib.geodesic import Geodesic
    g = Geodesic(6378137, 1 / 298.257222101)
    worst = 0
    for length in (30000.0, 100000.0):
        for lat in [2.5 * i for i in range(33)]:
            for az in range(0, 360, 3):
                d = g.Direct(lat, 115.3, az, length, Geodesic.STANDARD | Geodesic.LONG_UNROLL)
                s12 = g.Inverse(lat, 115.3, d["lat2"], d["lon2"], Geodesic.AREA | Geodesic.LONG_UNROLL)["S12"]
                c = mp.cos(mp.radians(max(abs(lat), abs(d["lat2"]))))
                r = abs(edge(lat, 115.3, d["lat2"], d["lon2"]) - s12) * c * c / mp.mpf(length) ** 5
                worst = max(worst, r)
        print(f"L = {length:g} m: max |figure - S12| cos^2 / L^5 = {mp.nstr(worst, 4)} m^-3")


if __name__ == "__main__":
    if sys.argv[1] == "ring":
        ll = [tuple(map(float, v.split())) for v in sys.argv[2:]]
        print(mp.nstr(ring([v[0] for v in ll], [v[1] for v in ll]), 20))
    elif sys.argv[1] == "layer":
        layer(sys.argv[2], int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--zone" else 0)
    else:
        edges()
