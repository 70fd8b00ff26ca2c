#!/usr/bin/python3
"""Counts the neighbouring pairs the segment pre-test is checked on (tests/overlay/
interiors_overlap_test.cpp): every two polygon features of a source, within and across its
polygon layers, whose envelopes meet (edges included). GeoPandas reads the file, not redline.

    /usr/bin/python3 tests/oracles/interiors_overlap_pairs.py samples/huichang/huichang.gpkg
    -> 10 polygon layers, 3964 polygons, 29978 pairs
"""
import sys

import fiona
import geopandas as gpd
import numpy as np
import pandas as pd


def main(path):
    frames = []
    for layer in fiona.listlayers(path):
        frame = gpd.read_file(path, layer=layer)
        if not frame.geom_type.isin(["Polygon", "MultiPolygon"]).all():
            continue
        frames.append(frame[~frame.geometry.is_empty & frame.geometry.notna()][["geometry"]])
    boxes = pd.concat(frames, ignore_index=True).geometry.bounds.values
    pairs = 0
    for i in range(len(boxes)):
        rest = boxes[i + 1:]
        box = boxes[i]
        pairs += int(np.count_nonzero((rest[:, 0] <= box[2]) & (rest[:, 2] >= box[0]) &
                                      (rest[:, 1] <= box[3]) & (rest[:, 3] >= box[1])))
    print("%d polygon layers, %d polygons, %d pairs" % (len(frames), len(boxes), pairs))


if __name__ == "__main__":
    main(sys.argv[1])
