"""The area benchmark of issue 2: `redline area` on the parcels layer (about 100 000 polygons at
--scale 1) against GeoPandas computing the same geodesic areas on the same file.

redline and GeoPandas include reading the file. GeoPandas reads with Fiona (GeoPandas 0.12's
default), reprojects to EPSG:4490 and sums pyproj.Geod(a=6378137, rf=298.257222101)
.geometry_area_perimeter, i.e. Karney's algorithm on the CGCS2000 ellipsoid, as redline's
default `ellipsoidal` method does. PostGIS, a third opinion, is timed on its query alone
(ST_Area(geography), Karney's algorithm through GeographicLib's C code, after ST_Transform to
EPSG:4490); loading the table is untimed, so its row is not like for like.

area-redline does the same on the red line layer (issue 13's first row: the ratios are shown,
no target is set)."""
import json

from harness import Case, Run, Targets, Tolerance


def _phases(out):
    phases = json.loads(out)['seconds']
    return ', '.join(f'{k} {v:.2f}' for k, v in phases.items()) + ' s'


def _area_case(ctx, gpkg, name, layer, title, targets):
    return Case(
        name=name,
        title=title,
        unit='ha',
        needs=['geopandas', 'postgis'],
        tolerance=Tolerance(rel=1e-9),
        targets=targets,
        runs=[
            # m² rather than ha, so that the printed total has more digits than the tolerance.
            Run('redline', [ctx.redline, 'area', gpkg, '--layer', layer, '--format', 'json',
                            '--unit', 'm2', '--threads', ctx.threads],
                figure=lambda out: json.loads(out)['total'] / 1e4,
                note=lambda out: f"{json.loads(out)['features']} features, "
                                 f"{ctx.threads} threads"),
            Run('geopandas', ['/usr/bin/python3', ctx.script(__file__, 'geopandas_area.py'),
                              gpkg, layer],
                figure=lambda out: json.loads(out)['total_m2'] / 1e4,
                note=_phases),
            ctx.postgis.run(
                f'SELECT sum(ST_Area(ST_Transform(geom, 4490)::geography)), count(*) FROM {layer}',
                lambda out: json.loads(out)['rows'][0][0] / 1e4, load=[(gpkg, layer)]),
        ])


def cases(ctx):
    gpkg = ctx.dataset(scale=1)
    return [
        _area_case(ctx, gpkg, 'area-redline', 'redline',
                   'total geodesic area of the red line layer, every polygon (ellipsoidal, '
                   'CGCS2000), file read included',
                   Targets(job='area of the red line (all its polygons)', row=1)),
        _area_case(ctx, gpkg, 'area', 'parcels',
                   'total geodesic area of the parcels layer (ellipsoidal, CGCS2000), file read '
                   'included',
                   Targets(job='area of every parcel', row=2, seconds=0.8,
                           min_ratio={'geopandas': 10, 'postgis': 3})),
    ]
