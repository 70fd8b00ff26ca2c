"""The drift benchmark of issue 5: `redline drift` between the red line and its 2024 version
(generated at --scale 1: a 1 mm re-export of every polygon, with a few removed, added,
reclassified and expanded) against GeoPandas's symmetric difference of the same two layers.

Both include reading the file; figures are the areas gained (AFTER − BEFORE) and lost
(BEFORE − AFTER), geodesic on the CGCS2000 ellipsoid, in ha, slivers included. redline matches
no key (as GeoPandas) and recognises the re-exported polygons without overlay; the second
redline row (--fast-shift 0) overlays every feature, to show what that recognition is worth.
GeoPandas subtracts neighbours one difference at a time, which drops a few of the 1 mm slivers
(0.015 m² in 0.65 m² on tests/data/drift/versions.gpkg): the tolerance is 0.01 ha, the
issue's bar.

PostGIS (issue 13), timed on its query alone: each version dissolved (ST_Union), then
ST_Difference both ways, measured as geography after ST_Transform to EPSG:4490 (Karney on the
ellipsoid); load untimed."""
import json

from harness import Case, Run, Targets, Tolerance


def _figure(out):
    j = json.loads(out)
    return {'total': j['gained'] + j['lost'], 'gained': j['gained'], 'lost': j['lost']}


def _note(out):
    j = json.loads(out)
    w = j['work']
    return (f"real gained {j['gained_real']:.2f} / lost {j['lost_real']:.2f} ha; "
            f"{w['within_shift'] + w['identical']} pairs without overlay, {w['overlaid']} overlaid")


def _gp_figure(out):
    j = json.loads(out)
    return {'total': j['gained_ha'] + j['lost_ha'], 'gained': j['gained_ha'], 'lost': j['lost_ha']}


def _gp_note(out):
    j = json.loads(out)
    return f"{j['pieces']} pieces; " + ', '.join(f'{k} {v:.2f}' for k, v in j['seconds'].items()) + ' s'


def _pg_figure(out):
    gained, lost = json.loads(out)['rows'][0]
    return {'total': gained + lost, 'gained': gained, 'lost': lost}


def cases(ctx):
    gpkg = ctx.dataset(scale=1)
    drift = [ctx.redline, 'drift', gpkg, gpkg, '--before-layer', 'redline', '--after-layer', 'redline_2024',
             '--format', 'json', '--threads', ctx.threads]
    return [Case(
        name='drift',
        title='area gained and lost between redline and redline_2024 (symmetric difference, '
              'geodesic), file read included',
        unit='ha',
        needs=['geopandas', 'python3-rtree', 'postgis'],
        tolerance=Tolerance(abs=0.01),
        targets=Targets(job='drift red line v1 → v2', row=4, seconds=0.35,
                        min_ratio={'geopandas': 10, 'postgis': 3}),
        runs=[
            Run('redline', drift, figure=_figure, note=_note),
            Run('redline (overlays only)', drift + ['--fast-shift', '0'], figure=_figure, note=_note),
            Run('geopandas', ['/usr/bin/python3', ctx.script(__file__, 'geopandas_drift.py'), gpkg, 'redline',
                              'redline_2024'],
                figure=_gp_figure, note=_gp_note),
            ctx.postgis.run(
                'WITH b AS (SELECT ST_Union(geom) AS g FROM redline), '
                'a AS (SELECT ST_Union(geom) AS g FROM redline_2024) '
                'SELECT ST_Area(ST_Transform(ST_Difference(a.g, b.g), 4490)::geography) / 1e4, '
                'ST_Area(ST_Transform(ST_Difference(b.g, a.g), 4490)::geography) / 1e4 '
                'FROM a, b', _pg_figure, load=[(gpkg, 'redline'), (gpkg, 'redline_2024')]),
        ])]
