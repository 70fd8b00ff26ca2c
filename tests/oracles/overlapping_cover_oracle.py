#!/usr/bin/python3
"""Oracle for tests/overlay/coverage_overlapping_cover_test.cpp: 2000 cover squares of side
1000 m, square k shifted by (0.25 k, 0.25 k) m, so that every pair overlaps; three targets.

Hand computation (planar, m²): each square adds to the union of the ones before it an L-shaped
band of 1000² - 999.75² = 499.9375, so the union is 1e6 + 1999 * 499.9375 = 1999375.0625.
  - "all":   the box [-10, 1510]² holds the whole union: inside 1999375.0625 of 2310400.
  - "left":  the box [0, 500] x [-10, 1510]: at x in [j/4, (j+1)/4) the union reaches
             1000 + j/4 (j < 1999), and 1499.75 on the last quarter metre, so
             499.75 * 1000 + 0.0625 * (0 + 1 + ... + 1998) + 0.25 * 1499.75 = 624937.5 inside of
             500 * 1520 = 760000.
  - "away":  the box [2000, 2100] x [0, 100] meets nothing: 0 of 10000.
Coordinates are offset by (39500000, 3000000) in the test (EPSG:4527); planar areas do not
change. Shapely cross-checks the figures (Debian python3-shapely).
Usage: /usr/bin/python3 tests/oracles/overlapping_cover_oracle.py
"""
from shapely.geometry import box
from shapely.ops import unary_union

N, SIDE, STEP = 2000, 1000.0, 0.25
squares = [box(STEP * k, STEP * k, STEP * k + SIDE, STEP * k + SIDE) for k in range(N)]
union = unary_union(squares)
hand_union = SIDE ** 2 + (N - 1) * (SIDE ** 2 - (SIDE - STEP) ** 2)
hand_left = (STEP * (N - 1)) * SIDE + STEP * STEP * sum(range(N - 1)) + STEP * (SIDE + STEP * (N - 1))
targets = {
    "all": (box(-10, -10, 1510, 1510), hand_union),
    "left": (box(0, -10, 500, 1510), hand_left),
    "away": (box(2000, 0, 2100, 100), 0.0),
}
print(f"union: shapely {union.area!r}, by hand {hand_union!r}")
for name, (target, hand) in targets.items():
    print(f"{name}: area {target.area!r}, inside: shapely {target.intersection(union).area!r}, by hand {hand!r}")
