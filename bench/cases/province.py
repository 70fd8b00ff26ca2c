"""A province on one machine (issue 13, part 2): redline alone on the 1 M-parcel province, time
and peak memory, each job against its 100 000-parcel case of the same bench run.

The province (bench/out/data/province/province.gpkg, made by bench/harness/make_province.py) is
the scale-1 county tiled 5 x 2: 1 018 410 parcels, 32.5 M parcel vertices, 870 red-line
features, 70 reserves, every key unique per tile. The commands are those of the county's cases
(area, overlay-tabulate, drift, overlay-coverage) on the province's layers, and `redline length`
on parcels_boundary (the parcels' outlines: 1 018 410 lines; the county's own line layer,
shoreline_line, has 1 290 lines in the province: no test of memory). No reference tool runs:
the figures are shown, not compared.

Targets (issue 13): every job at most 11x its 100 000-parcel time in the same run (the county's
case named in `times_case`); tabulate, drift and coverage at most 1 500 MB of peak RSS; area and
length, which need no neighbours, at most 300 MB.

province-length is measured against `length` (bench/cases/length.py)."""
import json

from harness import Case, Run, Targets, Tolerance

# Issue 13: "every job <= 11x its 100 000-parcel time; tabulate, drift and coverage <= 1.5 GB;
# area and length <= 300 MB".
MAX_TIMES = 11
PEAK_NEIGHBOURS_MB = 1500
PEAK_STREAMED_MB = 300


def _features(out):
    return f"{json.loads(out)['features']} features"


def _drift_figure(out):
    j = json.loads(out)
    return {'total': j['gained'] + j['lost'], 'gained': j['gained'], 'lost': j['lost']}


def _case(name, title, unit, targets, cmd, figure, note=''):
    return Case(name=name, title=title, unit=unit, tolerance=Tolerance(rel=1e-9),
                targets=targets, runs=[Run('redline', cmd, figure=figure, note=note)])


def cases(ctx):
    gpkg = ctx.province(scale=1)
    threads = ['--threads', ctx.threads]
    return [
        _case('province-area', 'total geodesic area of the 1 M parcels of the province, file '
              'read included', 'ha',
              Targets(job='area of every parcel, province (1 M parcels)', row=7, times_case='area',
                      max_times=MAX_TIMES, peak_mb=PEAK_STREAMED_MB),
              [ctx.redline, 'area', gpkg, '--layer', 'parcels', '--format', 'json', '--unit',
               'm2'] + threads,
              lambda out: json.loads(out)['total'] / 1e4, _features),
        _case('province-length', 'total geodesic length of the 1 M parcel outlines of the '
              'province (parcels_boundary), file read included', 'km',
              Targets(job='length of every parcel outline, province (1 M lines)', row=8,
                      times_case='length', max_times=MAX_TIMES, peak_mb=PEAK_STREAMED_MB),
              [ctx.redline, 'length', gpkg, '--layer', 'parcels_boundary', '--format', 'json',
               '--unit', 'km'] + threads,
              lambda out: json.loads(out)['total'], _features),
        _case('province-tabulate', 'area of each land-use class (DLBM) of the 1 M parcels inside '
              'the red line of the province, file read included', 'ha',
              Targets(job='tabulate red line × parcels by land use, province', row=9,
                      times_case='overlay-tabulate', max_times=MAX_TIMES,
                      peak_mb=PEAK_NEIGHBOURS_MB),
              [ctx.redline, 'tabulate', gpkg, gpkg, '--layer', 'redline', '--classes-layer',
               'parcels', '--class-field', 'DLBM', '--format', 'json'] + threads,
              lambda out: {r['class']: r['area'] for r in json.loads(out)['rows']}),
        _case('province-drift', 'area gained and lost between redline and redline_2024 of the '
              'province (870 and 890 features), file read included', 'ha',
              Targets(job='drift red line v1 → v2, province', row=10, times_case='drift',
                      max_times=MAX_TIMES, peak_mb=PEAK_NEIGHBOURS_MB),
              [ctx.redline, 'drift', gpkg, gpkg, '--before-layer', 'redline', '--after-layer',
               'redline_2024', '--format', 'json'] + threads,
              _drift_figure),
        _case('province-coverage', 'area of each of the 70 nature reserves of the province inside '
              'its red line, file read included', 'ha',
              Targets(job='coverage of the reserves within the red line, province', row=11,
                      times_case='overlay-coverage', max_times=MAX_TIMES,
                      peak_mb=PEAK_NEIGHBOURS_MB),
              [ctx.redline, 'coverage', gpkg, '--layer', 'reserves', '--id-field', 'BSM',
               '--within', gpkg, '--within-layer', 'redline', '--format', 'json'] + threads,
              lambda out: {g['key']: g['inside'] for g in json.loads(out)['groups']}),
    ]
