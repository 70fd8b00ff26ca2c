#!/usr/bin/python3
"""Counts what a screenshot of the HTML report shows (tests/cli/html_report_cli_test.cpp).

Usage: report_pixels.py SHOT.png
Prints one line: width height non_white red green map_red
  non_white: pixels darker than near-white (anything drawn)
  red:     the red of 未达标 (text #a11616, row mark #c62828): R high, G and B low
  green:   the green of 达标 (text #14622b, row mark #2e7d32): G clearly above R and B
  map_red: the fill of what fails on the maps (rgb 0.85, 0.12, 0.12 at alpha 0.85 on white:
           about 222, 64, 64; over the maps' pale green about 217, 62, 58), a colour no table uses
"""
import sys

import numpy as np
from PIL import Image

pixels = np.asarray(Image.open(sys.argv[1]).convert("RGB")).astype(int)
height, width = pixels.shape[:2]
r, g, b = pixels[:, :, 0], pixels[:, :, 1], pixels[:, :, 2]
non_white = int(((r < 245) | (g < 245) | (b < 245)).sum())
red = int(((r > 150) & (g < 80) & (b < 80)).sum())
green = int(((g > 80) & (r < 70) & (b < 70) & (g - r > 40)).sum())
map_red = int(((abs(r - 222) < 12) & (abs(g - 64) < 14) & (abs(b - 64) < 14)).sum())
print(width, height, non_white, red, green, map_red)
