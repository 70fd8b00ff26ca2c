"""The length case of issue 13 (the 100 000-line case of province-length): `redline length` of
the county's parcel outlines.

The county has no large line layer (shoreline_line: 129 lines), so the lines are the parcels'
outlines, parcels_boundary (101 841 multilinestrings, 3.25 M vertices), made by
bench/harness/make_province.py --tiles 1x1 (the county with the province's derived layers:
bench/out/data/tiles1x1/province.gpkg), as the province's parcels_boundary is made. PostGIS
checks the figure: sum(ST_Length(ST_Transform(geom, 4490)::geography)) (Karney on the
ellipsoid), query only, load untimed. No target of its own: province-length's time is
compared with it."""
import json

from harness import Case, Run, Targets, Tolerance


def cases(ctx):
    county = ctx.province(scale=1, tiles='1x1')
    threads = ['--threads', ctx.threads]
    return [Case(
        name='length', title='total geodesic length of the 100 000 parcel outlines of the county '
        '(parcels_boundary), file read included', unit='km', needs=['postgis'],
        tolerance=Tolerance(rel=1e-9),
        targets=Targets(job='length of every parcel outline (100 000 lines)', row=6),
        runs=[
            Run('redline', [ctx.redline, 'length', county, '--layer', 'parcels_boundary',
                            '--format', 'json', '--unit', 'km'] + threads,
                figure=lambda out: json.loads(out)['total'],
                note=lambda out: f"{json.loads(out)['features']} features, {ctx.threads} threads"),
            ctx.postgis.run(
                'SELECT sum(ST_Length(ST_Transform(geom, 4490)::geography)) / 1e3, count(*) '
                'FROM parcels_boundary', lambda out: json.loads(out)['rows'][0][0],
                load=[(county, 'parcels_boundary')]),
        ])]
