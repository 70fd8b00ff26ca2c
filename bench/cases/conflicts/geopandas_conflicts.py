#!/usr/bin/python3
"""GeoPandas reference for the conflict and delivery-QA cases (issue 10).

  geopandas_conflicts.py no-overlap FILE LAYER WITH_LAYER
      -> {"overlap_ha": ha, "pairs": n, "candidates": n, "seconds": {...}}
     the area where LAYER overlaps WITH_LAYER: geopandas.sjoin(predicate='intersects') for the
     candidate pairs, the intersection of each pair, the polygonal pieces measured geodesically
     (EPSG:4490, pyproj.Geod on the CGCS2000 ellipsoid, Karney); pairs = pairs whose
     intersection has an area (touching neighbours do not count)
  geopandas_conflicts.py qa FILE LAYER WITHIN_LAYER KEY [SLIVER_WIDTH_M]
      -> {"counts": {...}, "overlap_m2": ..., "gap_m2": ..., "seconds": {...}}
     what a reviewer checks before accepting a delivery:
       invalid            features that are not valid (GEOS is_valid)
       overlapping_pairs  pairs of features whose interiors overlap (sjoin intersects, then
                          relate '2********': a two-dimensional intersection) by more than a
                          sliver (the intersection's buffer(-width/2) is not empty)
       gaps               polygons of WITHIN minus the union of LAYER that are not slivers
       slivers            features thinner than the sliver width (buffer(-width/2) empty)
       duplicate_keys     KEY values held by more than one feature
       empty_keys         features whose KEY is NULL or blank
     SLIVER_WIDTH_M DEFAULT 0.05, redline's kDefaultSliverWidthMetres.
Reading the file (Fiona) is included; each phase is timed."""
import json
import sys
import time

start = time.perf_counter()
import geopandas  # noqa: E402
from pyproj import Geod  # noqa: E402
from shapely.geometry import MultiPolygon, Polygon  # noqa: E402
from shapely.geometry.polygon import orient  # noqa: E402
from shapely.ops import unary_union  # noqa: E402

GEOD = Geod(a=6378137, rf=298.257222101)


def polygons(geometry):
    """The polygons of any geometry (intersections may hold lines and points too)."""
    if geometry is None or geometry.is_empty:
        return []
    if isinstance(geometry, Polygon):
        return [geometry]
    if hasattr(geometry, 'geoms'):
        return [p for g in geometry.geoms for p in polygons(g)]
    return []


def geodesic_m2(geographic):
    """Geodesic area of a polygon in degrees (EPSG:4490), rings oriented so holes subtract."""
    return abs(GEOD.geometry_area_perimeter(orient(geographic, 1.0))[0])


def no_overlap(path, first, second, seconds):
    t = time.perf_counter()
    a = geopandas.read_file(path, layer=first)[['geometry']]
    b = geopandas.read_file(path, layer=second)[['geometry']]
    seconds['read'] = time.perf_counter() - t
    t = time.perf_counter()
    pairs = geopandas.sjoin(a, b, predicate='intersects', how='inner')
    seconds['sjoin'] = time.perf_counter() - t
    t = time.perf_counter()
    left = a.geometry.loc[pairs.index].values
    right = b.geometry.loc[pairs['index_right']].values
    pieces, owners = [], []
    for k, (x, y) in enumerate(zip(left, right)):
        for p in polygons(x.intersection(y)):
            if p.area > 0:
                pieces.append(p)
                owners.append(k)
    seconds['intersection'] = time.perf_counter() - t
    t = time.perf_counter()
    total = 0.0
    if pieces:
        for p in geopandas.GeoSeries(pieces, crs=a.crs).to_crs(4490):
            total += geodesic_m2(p)
    seconds['area'] = time.perf_counter() - t
    return {'overlap_ha': total / 1e4, 'pairs': len(set(owners)), 'candidates': len(pairs),
            'seconds': seconds}


def qa(path, layer, within_layer, key, width, seconds):
    t = time.perf_counter()
    frame = geopandas.read_file(path, layer=layer)
    boundary = geopandas.read_file(path, layer=within_layer)
    seconds['read'] = time.perf_counter() - t
    counts = {}
    t = time.perf_counter()
    counts['invalid'] = int((~frame.geometry.is_valid).sum())
    seconds['validity'] = time.perf_counter() - t
    t = time.perf_counter()
    keys = frame[key]
    blank = keys.isna() | (keys.astype(str).str.strip() == '')
    held = keys[~blank].value_counts()
    counts['duplicate_keys'] = int((held > 1).sum())
    counts['empty_keys'] = int(blank.sum())
    seconds['keys'] = time.perf_counter() - t
    t = time.perf_counter()
    shapes = frame[['geometry']]
    pairs = geopandas.sjoin(shapes, shapes, predicate='intersects', how='inner')
    pairs = pairs[pairs.index < pairs['index_right']]
    geoms = frame.geometry.values
    overlapping, thin, overlap_m2 = 0, 0, 0.0
    for i, j in zip(pairs.index.values, pairs['index_right'].values):
        if geoms[i].relate_pattern(geoms[j], '2********'):
            piece = geoms[i].intersection(geoms[j])
            if piece.buffer(-width / 2).is_empty:
                thin += 1
                continue
            overlapping += 1
            overlap_m2 += piece.area
    counts['overlapping_pairs'] = overlapping
    seconds['self_overlaps'] = time.perf_counter() - t
    t = time.perf_counter()
    union = unary_union(list(geoms))
    gap_pieces = polygons(unary_union(list(boundary.geometry.values)).difference(union))
    wide = [p for p in gap_pieces if not p.buffer(-width / 2).is_empty]
    counts['gaps'] = len(wide)
    seconds['gaps'] = time.perf_counter() - t
    t = time.perf_counter()
    counts['slivers'] = int(frame.geometry.buffer(-width / 2).is_empty.sum())
    seconds['slivers'] = time.perf_counter() - t
    return {'counts': counts, 'overlap_m2': overlap_m2, 'sliver_overlap_pairs': thin,
            'gap_m2': sum(p.area for p in wide), 'sliver_gap_pieces': len(gap_pieces) - len(wide),
            'features': len(frame), 'seconds': seconds}


def main():
    mode = sys.argv[1]
    seconds = {'import': time.perf_counter() - start}
    if mode == 'no-overlap':
        out = no_overlap(sys.argv[2], sys.argv[3], sys.argv[4], seconds)
    elif mode == 'qa':
        width = float(sys.argv[6]) if len(sys.argv) > 6 else 0.05
        out = qa(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], width, seconds)
    else:
        raise SystemExit(f'unknown mode {mode!r}: no-overlap or qa')
    print(json.dumps(out, ensure_ascii=False))


if __name__ == '__main__':
    main()
