"""The overlay benchmarks of issue 4, on the county generated at --scale 1 (about 100 000
parcels):

- overlay-tabulate: the red line's land-use make-up — the area of each DLBM class of the parcels
  inside the red line (`redline tabulate`);
- overlay-coverage: each nature reserve's area inside the red line (`redline coverage`).

redline and GeoPandas include reading the file. GeoPandas: geopandas.overlay (the cover
dissolved first for coverage, so that overlapping red-line features count once, as redline
counts them), pieces reprojected to EPSG:4490 and measured with pyproj.Geod on GRS80 (Karney).
PostGIS is timed on its query alone (ST_Intersects join / ST_Union, ST_Intersection,
ST_Area(ST_Transform(..., 4490)::geography)), the load being untimed: its row is the query
against redline's whole run. Figures: ha per class / per reserve; they agree within 0.01 ha,
the issue's bar."""
import json

from harness import Case, Run, Targets, Tolerance


def _seconds(out):
    j = json.loads(out)
    return f"{j['pieces']} pieces; " + ', '.join(f'{k} {v:.2f}' for k, v in j['seconds'].items()) + ' s'


def _pg_rows(out):
    return {str(k): v for k, v in json.loads(out)['rows']}


def cases(ctx):
    gpkg = ctx.dataset(scale=1)
    threads = ['--threads', ctx.threads]
    geopandas = ['/usr/bin/python3', ctx.script(__file__, 'geopandas_overlay.py')]
    tabulate = Case(
        name='overlay-tabulate',
        title='area of each land-use class (DLBM) of the parcels inside the red line, file read included',
        unit='ha',
        needs=['geopandas', 'postgis'],
        tolerance=Tolerance(abs=0.01),
        targets=Targets(job='tabulate red line × parcels by land use (DLBM)', row=3, seconds=0.8,
                        peak_mb=150, min_ratio={'geopandas': 10, 'postgis': 3}),
        runs=[
            Run('redline', [ctx.redline, 'tabulate', gpkg, gpkg, '--layer', 'redline', '--classes-layer', 'parcels',
                            '--class-field', 'DLBM', '--format', 'json'] + threads,
                figure=lambda out: {r['class']: r['area'] for r in json.loads(out)['rows']},
                note=f'{ctx.threads} threads'),
            Run('geopandas', geopandas + ['tabulate', gpkg, 'redline', 'parcels', 'DLBM'],
                figure=lambda out: json.loads(out)['areas_ha'], note=_seconds),
            ctx.postgis.run(
                'SELECT p.dlbm, sum(ST_Area(ST_Transform(ST_Intersection(p.geom, z.geom), 4490)::geography)) / 1e4 '
                'FROM parcels p JOIN redline z ON ST_Intersects(p.geom, z.geom) GROUP BY p.dlbm '
                'HAVING sum(ST_Area(ST_Transform(ST_Intersection(p.geom, z.geom), 4490)::geography)) > 0 '
                'ORDER BY 1', _pg_rows, load=[(gpkg, 'redline'), (gpkg, 'parcels')]),
        ])
    coverage = Case(
        name='overlay-coverage',
        title='area of each nature reserve inside the red line (overlapping cover counted once), '
              'file read included',
        unit='ha',
        needs=['geopandas', 'postgis'],
        tolerance=Tolerance(abs=0.01),
        targets=Targets(job='coverage of the reserves within the red line', row=5),
        runs=[
            Run('redline', [ctx.redline, 'coverage', gpkg, '--layer', 'reserves', '--id-field', 'BSM', '--within',
                            gpkg, '--within-layer', 'redline', '--format', 'json'] + threads,
                figure=lambda out: {g['key']: g['inside'] for g in json.loads(out)['groups']},
                note=f'{ctx.threads} threads'),
            Run('geopandas', geopandas + ['coverage', gpkg, 'reserves', 'redline', 'BSM'],
                figure=lambda out: json.loads(out)['inside_ha'], note=_seconds),
            ctx.postgis.run(
                'WITH u AS (SELECT ST_Union(geom) AS g FROM redline) '
                'SELECT r.bsm, ST_Area(ST_Transform(ST_Intersection(r.geom, u.g), 4490)::geography) / 1e4 '
                'FROM reserves r, u ORDER BY 1', _pg_rows, load=[(gpkg, 'redline'), (gpkg, 'reserves')]),
        ])
    return [tabulate, coverage]
