#!/usr/bin/python3
"""Independent oracle for redline's overlay engine: GeoPandas/shapely overlays, geodesic areas
with pyproj.Geod on the CGCS2000 ellipsoid (GRS80: a = 6378137, 1/f = 298.257222101).

Computes, on the Huichang sample (EPSG:4527), the figures tests/overlay/sample_test.cpp pins:
  - the red line's share of the county: county ∩ union(red line);
  - each reserve's area inside the red line (union), in ha and percent;
  - the red line's land-use tabulation: area of each DLBM inside the red line, percent of it;
  - the mines and the shoreline features with area inside the red line (the conflict lists).
Overlays run in EPSG:4527; every result polygon is taken to EPSG:4490 longitude/latitude and
measured with Geod.geometry_area_perimeter (Karney), as ST_Area(geography) does.

Usage: /usr/bin/python3 tests/oracles/overlay_geopandas.py [samples/huichang/huichang.gpkg]
Prints JSON.  Needs only Debian packages (python3-geopandas 0.12, python3-shapely 1.8, python3-pyproj).
"""
import json
import sys
import warnings

import geopandas as gpd
from pyproj import Geod, Transformer
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.polygon import orient
from shapely.ops import transform, unary_union

warnings.filterwarnings('ignore')

GEOD = Geod(a=6378137.0, rf=298.257222101)
TO_LONLAT = Transformer.from_crs('EPSG:4527', 'EPSG:4490', always_xy=True)


def oriented(g):
    """Returns g with shells counter-clockwise and holes clockwise: Geod.geometry_area_perimeter
    adds each ring's signed area, so a hole drawn like its shell would be added, not removed."""
    if isinstance(g, Polygon):
        return orient(g, 1.0)
    if isinstance(g, MultiPolygon):
        return MultiPolygon([orient(p, 1.0) for p in g.geoms])
    if hasattr(g, 'geoms'):
        return MultiPolygon([orient(p, 1.0) for p in g.geoms if isinstance(p, Polygon)] +
                            [orient(q, 1.0) for p in g.geoms if isinstance(p, MultiPolygon) for q in p.geoms])
    return g


def area_m2(geom):
    if geom is None or geom.is_empty:
        return 0.0
    lonlat = transform(TO_LONLAT.transform, oriented(geom))
    return abs(GEOD.geometry_area_perimeter(lonlat)[0])


def main(path):
    read = lambda layer: gpd.read_file(path, layer=layer)
    redline = read('redline')
    cover = unary_union(list(redline.geometry))
    out = {}

    county = read('county').geometry.iloc[0]
    ca, ci = area_m2(county), area_m2(county.intersection(cover))
    out['county'] = {'area_ha': ca / 1e4, 'inside_ha': ci / 1e4, 'percent': 100 * ci / ca}

    res = []
    for _, r in read('reserves').iterrows():
        a, i = area_m2(r.geometry), area_m2(r.geometry.intersection(cover))
        res.append({'BSM': r['BSM'], 'BHDMC': r['BHDMC'], 'area_ha': a / 1e4, 'inside_ha': i / 1e4,
                    'percent': 100 * i / a})
    out['reserves'] = res

    parcels = read('parcels')
    pieces = gpd.overlay(redline[['geometry']], parcels[['DLBM', 'geometry']], how='intersection',
                         keep_geom_type=True)
    pieces['m2'] = [area_m2(g) for g in pieces.geometry]
    zone_m2 = sum(area_m2(g) for g in redline.geometry)
    tab = pieces.groupby('DLBM')['m2'].sum()
    out['tabulate'] = {'zone_ha': zone_m2 / 1e4,
                       'rows': [{'class': k, 'area_ha': v / 1e4, 'percent': 100 * v / zone_m2}
                                for k, v in tab.items() if v > 0]}

    for layer in ('mines', 'shoreline'):
        rows = []
        for _, f in read(layer).iterrows():
            i = area_m2(f.geometry.intersection(cover))
            if i > 0:
                a = area_m2(f.geometry)
                rows.append({'BSM': f['BSM'], 'area_ha': a / 1e4, 'inside_ha': i / 1e4, 'percent': 100 * i / a})
        out[layer] = rows
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'samples/huichang/huichang.gpkg')
