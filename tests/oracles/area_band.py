#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Oracle: the exact area of a latitude-longitude rectangle on the CGCS2000 (GRS80) ellipsoid.

The rectangle lon1..lon2 x lat1..lat2 (degrees) has the closed-form area

    S = (b^2 * dL / 2) * [ F(lat2) - F(lat1) ],
    F(phi) = sin(phi) / (1 - e^2 sin^2(phi)) + atanh(e sin(phi)) / e,

with dL = lon2 - lon1 in radians, b = a (1 - f), e^2 = f (2 - f). (F is the authalic q(phi)
divided by 1 - e^2.) Every operation is done in 40-digit decimal arithmetic (sin by its Taylor
series, atanh through ln), so the printed figure is exact to far more digits than a double holds.
The land-survey trapezoid series of domain.md must reproduce it: its edges along parallels add
nothing and its meridian edges add exactly this band, up to the e^10 terms the series drops.

Cross-check: GeographicLib with rhumb-line edges (a rhumb line along a meridian or a parallel is
that meridian or parallel) gives the same rectangle:
    printf "25.3 115.6\n25.9 115.6\n25.9 116.0\n25.3 116.0\n" |
        Planimeter -e 6378137 1/298.257222101 -p 10 -R
    -> 4 213300.6521228154 -2670833080.16016

Usage: /usr/bin/python3 tests/oracles/area_band.py 115.6 116.0 25.3 25.9
"""

import sys
from decimal import Decimal, getcontext

getcontext().prec = 40

A = Decimal(6378137)
INV_F = Decimal('298.257222101')


def pi():
    # Machin: pi = 16 atan(1/5) - 4 atan(1/239)
    def atan_inv(n):
        x, n2, total, k, sign = Decimal(1) / n, n * n, Decimal(0), 1, 1
        term = x
        while term != 0:
            total += sign * term / k
            x /= n2
            term = x
            k += 2
            sign = -sign
        return total
    return 16 * atan_inv(5) - 4 * atan_inv(239)


def sin(x):
    total, term, k = Decimal(0), x, 1
    while abs(term) > Decimal('1e-45'):
        total += term
        term = -term * x * x / ((k + 1) * (k + 2))
        k += 2
    return total


def atanh(x):
    return ((1 + x) / (1 - x)).ln() / 2


def band_area(lon1, lon2, lat1, lat2):
    rad = pi() / 180
    f = 1 / INV_F
    e2 = f * (2 - f)
    e = e2.sqrt()
    b = A * (1 - f)

    def F(lat):
        s = sin(lat * rad)
        return s / (1 - e2 * s * s) + atanh(e * s) / e
    return b * b * (lon2 - lon1) * rad / 2 * (F(lat2) - F(lat1))


def main():
    lon1, lon2, lat1, lat2 = (Decimal(v) for v in sys.argv[1:5])
    print('%s m2' % band_area(lon1, lon2, lat1, lat2))


if __name__ == '__main__':
    main()
