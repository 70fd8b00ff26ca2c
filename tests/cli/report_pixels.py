#!/usr/bin/python3
"""Counts what a screenshot of the HTML report shows (tests/cli/html_report_cli_test.cpp).

Usage: report_pixels.py SHOT.png
Prints one line: width height non_white red green
  non_white: pixels darker than near-white (anything drawn)
  red:   the red of 未达标 (text #a11616, row mark #c62828): R high, G and B low
  green: the green of 达标 (text #14622b, row mark #2e7d32): G clearly above R and B
"""
import sys

from PIL import Image

image = Image.open(sys.argv[1]).convert("RGB")
width, height = image.size
non_white = red = green = 0
for r, g, b in image.getdata():
    if r < 245 or g < 245 or b < 245:
        non_white += 1
    if r > 150 and g < 80 and b < 80:
        red += 1
    if g > 80 and r < 70 and b < 70 and g - r > 40:
        green += 1
print(width, height, non_white, red, green)
