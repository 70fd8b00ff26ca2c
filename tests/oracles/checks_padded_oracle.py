#!/usr/bin/python3
"""Oracle for tests/data/checks/padded.gpkg (made by checks_make_padded.sh).

Prints, in m², with pyproj geodesic areas (GRS80 = the CGCS2000 ellipsoid) and shapely overlays:
  padded_sum      sum of the feature areas of padded (the duplicate counted twice)
  base_sum        sum of the feature areas of versions.gpkg:base
  lost            area(union(base) - union(padded))
  gained          area(union(padded) - union(base))
Usage: /usr/bin/python3 tests/oracles/checks_padded_oracle.py
"""
import json

import geopandas as gpd
from pyproj import CRS, Geod, Transformer
from shapely.ops import transform, unary_union

base = gpd.read_file('tests/data/drift/versions.gpkg', layer='base')
padded = gpd.read_file('tests/data/checks/padded.gpkg', layer='padded')
crs = CRS.from_user_input(base.crs)
to_geo = Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
geod = Geod(ellps='GRS80')


def area(g):
    return 0.0 if g.is_empty else abs(geod.geometry_area_perimeter(transform(to_geo.transform, g))[0])


ub, up = unary_union(list(base.geometry)), unary_union(list(padded.geometry))
print(json.dumps({'padded_sum': sum(area(g) for g in padded.geometry),
                  'base_sum': sum(area(g) for g in base.geometry),
                  'lost': area(ub.difference(up)), 'gained': area(up.difference(ub))}, indent=2))
