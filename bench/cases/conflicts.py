"""The control-line conflict and delivery-QA benchmarks of issue 10, on the county generated at
--scale 1 (101 841 parcels, a red line of 87 polygons, 17 107 permanent-farmland parcels).

- no-overlap: `redline check no-overlap` of the red line against a 100 000-parcel layer. The
  scale-1 county has 17 107 permanent-farmland parcels, not 100 000, so the `parcels` layer
  (101 841 land-survey parcels) stands in for the 100 000-parcel farmland delivery. It is a worst
  case: the red line is a union of whole parcels, so every parcel in it is a conflict (22 164
  pairs, the red line's whole 75 559.35 ha), where a real farmland layer has a handful. The work
  per candidate pair is the same; the intersections are many more.
- no-overlap-farmland: the same check against the scale-1 `farmland` layer (17 107 parcels, 4
  deliberate conflicts): the realistic case.
- qa: `redline qa` of the 101 841 parcels within the county, keyed by BSM: invalid geometry,
  self-overlaps, gaps, slivers, duplicate and empty keys, compared kind by kind (spikes and the
  area field have no GeoPandas/PostGIS counterpart here: not compared). The generated parcels
  are a clean coverage (every count 0), so
- qa-faults runs the same on a copy with faults put in (bench/cases/conflicts/
  make_faulty_delivery.py: 3 parcels duplicated, 1 BSM emptied, 2 parcels deleted, 1 sliver
  added; expected counts 3 overlapping pairs, 3 duplicate keys, 1 empty key, 2 gaps, 1 sliver).
  No invalid geometry is put in: GEOS's union (GeoPandas, PostGIS) fails on one, so the gap
  count would need a repair step whose result differs from tool to tool.

redline and GeoPandas include reading the file. GeoPandas: sjoin on the spatial index, then the
intersection of each candidate pair (no-overlap: pieces reprojected to EPSG:4490 and measured
with pyproj.Geod, Karney); qa as listed in bench/cases/conflicts/geopandas_conflicts.py. PostGIS
is timed on its query alone (GiST indexes built at load time, untimed). Figures: overlap in ha
within 0.01 ha (the issue's bar); qa counts exactly.

The redline command lines are issue 10's, exactly (no --threads: redline's DEFAULT, all cores,
whatever bench/run --threads says). The subcommands (`check no-overlap`, `qa`) come with issue 10. Until the binary has them
the redline rows fail loudly (exit code 2 and redline's own message in the table), never with a
figure; the ratios need them."""
import json
import os
import subprocess

from harness import Case, Run, Tolerance

UNIT_TO_HA = {'ha': 1.0, 'm2': 1e-4, 'm²': 1e-4, 'km2': 100.0, 'km²': 100.0, 'mu': 1 / 15.0,
              'wanmu': 10000 / 15.0, '万亩': 10000 / 15.0,
              '亩': 1 / 15.0, '公顷': 1.0}
# redline qa finding kinds -> the names the reference scripts count under (spelling variants of
# a kind are accepted; a kind the redline JSON lacks fails the row rather than counting 0)
QA_KINDS = {
    'invalid': ('invalid', 'invalid-geometry', 'invalid_geometry'),
    'overlapping_pairs': ('self-overlap', 'self_overlap', 'self-overlaps', 'overlap', 'overlaps'),
    'gaps': ('gap', 'gaps'),
    'slivers': ('sliver', 'slivers'),
    'duplicate_keys': ('duplicate-key', 'duplicate_key', 'duplicate-keys', 'duplicate_keys',
                       'duplicate'),
    'empty_keys': ('empty-key', 'empty_key', 'empty-keys', 'empty_keys', 'empty'),
}
# pixel-free PostGIS sliver test: buffer(-width/2) empty, width = redline's DEFAULT 0.05 m
HALF_SLIVER = 0.025


def redline_overlap_ha(out):
    """The overlap of `redline check no-overlap --format json`: checks[0].value in its unit."""
    check = json.loads(out)['checks'][0]
    unit = check.get('unit', 'ha')
    if unit not in UNIT_TO_HA:
        raise ValueError(f'redline reported the overlap in unit {unit!r}, unknown to the bench')
    return check['value'] * UNIT_TO_HA[unit]


def redline_overlap_note(out):
    check = json.loads(out)['checks'][0]
    return f"{'passed' if check.get('passed') else 'failed (exit 1)'}"


def redline_qa_counts(out):
    """{kind: count} of `redline qa --format json`, under the reference scripts' names."""
    j = json.loads(out)
    counts = j.get('counts')
    if counts is None:
        counts = {}
        for finding in j['findings']:
            counts[finding['kind']] = counts.get(finding['kind'], 0) + 1
    if isinstance(counts, list):
        counts = {c['kind']: c['count'] for c in counts}
    got = {}
    for name, spellings in QA_KINDS.items():
        found = [s for s in spellings if s in counts]
        if not found:
            raise ValueError(f'redline qa JSON has no count for {name} (kinds: {sorted(counts)})')
        got[name] = counts[found[0]]
    return got


def _pg_counts(out):
    return dict(zip(QA_KINDS, json.loads(out)['rows'][0]))


def _seconds(out):
    j = json.loads(out)
    extra = f"{j['pairs']} pairs of {j['candidates']} candidates; " if 'pairs' in j else ''
    if 'sliver_overlap_pairs' in j:
        extra = (f"{j['sliver_overlap_pairs']} sliver overlaps and {j['sliver_gap_pieces']} "
                 f"sliver gaps not counted; ")
    return extra + ', '.join(f'{k} {v:.2f}' for k, v in j['seconds'].items()) + ' s'


def _both(*setups):
    return lambda: '; '.join(s for s in (f() for f in setups) if s)


def _reference(ctx):
    return ['/usr/bin/python3', ctx.script(__file__, 'geopandas_conflicts.py')]


def _three_tools(name, title, unit, tolerance, runs):
    """A case of redline, GeoPandas and PostGIS runs (both reference tools installed)."""
    return Case(name=name, title=title, unit=unit, needs=['geopandas', 'postgis'],
                tolerance=tolerance, runs=runs)


def _no_overlap(ctx, gpkg, name, with_layer, title):
    geopandas = _reference(ctx)
    return _three_tools(name, title, 'ha', Tolerance(abs=0.01), [
            Run('redline', [ctx.redline, 'check', 'no-overlap', gpkg, '--layer', 'redline',
                            '--with', gpkg, '--with-layer', with_layer, '--format', 'json'],
                figure=redline_overlap_ha, exit_codes=(0, 1),
                note=lambda out: f'{redline_overlap_note(out)}, default threads (all cores)'),
            Run('geopandas', geopandas + ['no-overlap', gpkg, 'redline', with_layer],
                figure=lambda out: json.loads(out)['overlap_ha'], note=_seconds),
            Run('postgis', ctx.postgis.query_cmd(
                    'SELECT coalesce(sum(ST_Area(ST_Transform(ST_Intersection(a.geom, b.geom), 4490)'
                    '::geography)), 0) / 1e4, count(*) '
                    f'FROM redline a JOIN {with_layer} b ON ST_Intersects(a.geom, b.geom) '
                    'AND NOT ST_Touches(a.geom, b.geom)'),
                setup=_both(ctx.postgis.load(gpkg, 'redline'), ctx.postgis.load(gpkg, with_layer)),
                measured=ctx.postgis.measured,
                figure=lambda out: json.loads(out)['rows'][0][0],
                note=lambda out: f"{json.loads(out)['rows'][0][1]} pairs; query only, 1 backend"),
    ])


def _qa(ctx, name, title, gpkg, table, prepare=None):
    """A qa case on layer `parcels` of `gpkg` within its `county`; PostGIS table `table`.
    prepare: a setup callable making `gpkg` first (every run needs it)."""
    geopandas = _reference(ctx)
    w = HALF_SLIVER
    first = [prepare] if prepare else []
    return _three_tools(name, title, 'findings', Tolerance(abs=0), [
            Run('redline', [ctx.redline, 'qa', gpkg, '--layer', 'parcels', '--within', gpkg,
                            '--within-layer', 'county', '--key', 'BSM', '--format', 'json'],
                setup=prepare, figure=redline_qa_counts, exit_codes=(0, 1),
                note='default threads (all cores)'),
            Run('geopandas', geopandas + ['qa', gpkg, 'parcels', 'county', 'BSM', str(2 * w)],
                setup=prepare, figure=lambda out: json.loads(out)['counts'], note=_seconds),
            Run('postgis', ctx.postgis.query_cmd(
                    'SELECT '
                    f'(SELECT count(*) FROM {table} WHERE NOT ST_IsValid(geom)), '
                    f'(SELECT count(*) FROM {table} a JOIN {table} b ON a.fid < b.fid AND a.geom && b.geom '
                    "AND ST_Relate(a.geom, b.geom, '2********') "
                    f'AND NOT ST_IsEmpty(ST_Buffer(ST_Intersection(a.geom, b.geom), -{w}))), '
                    '(SELECT count(*) FROM (SELECT (ST_Dump(ST_Difference(c.geom, '
                    f'(SELECT ST_Union(geom) FROM {table})))).geom AS g FROM county c) d '
                    f'WHERE NOT ST_IsEmpty(ST_Buffer(d.g, -{w}))), '
                    f'(SELECT count(*) FROM {table} WHERE ST_IsEmpty(ST_Buffer(geom, -{w}))), '
                    f"(SELECT count(*) FROM (SELECT bsm FROM {table} WHERE nullif(trim(bsm), '') "
                    'IS NOT NULL GROUP BY bsm HAVING count(*) > 1) k), '
                    f"(SELECT count(*) FROM {table} WHERE nullif(trim(bsm), '') IS NULL)"),
                setup=_both(*first, ctx.postgis.load(gpkg, 'parcels', table),
                            ctx.postgis.load(gpkg, 'county')),
                measured=ctx.postgis.measured, figure=_pg_counts,
                note='query only, 1 backend'),
    ])


def _faulty(ctx, clean):
    """Returns (path, setup) of the faulty copy of the parcels delivery (made once, cached)."""
    data = os.path.basename(os.path.dirname(clean))          # scale1, scale0.03, ...
    path = os.path.join(ctx.work(f'qa-faults-{data}'), 'parcels_faulty.gpkg')

    def setup():
        made = subprocess.run(['/usr/bin/python3', ctx.script(__file__, 'make_faulty_delivery.py'),
                               clean, path], capture_output=True, text=True, check=True)
        faults = json.loads(made.stdout)
        return 'expected ' + ', '.join(f'{k} {v}' for k, v in faults['expected'].items() if v)
    return path, setup


def cases(ctx):
    gpkg = ctx.dataset(scale=1)
    overlap_parcels = _no_overlap(
        ctx, gpkg, 'no-overlap', 'parcels',
        'overlap of the red line with a 100 000-parcel layer (the parcels standing in for a '
        'farmland delivery: every red-line parcel conflicts), file read included')
    overlap_farmland = _no_overlap(
        ctx, gpkg, 'no-overlap-farmland', 'farmland',
        'overlap of the red line with the permanent farmland (17 107 parcels, 4 conflicts), '
        'file read included')
    qa = _qa(ctx, 'qa', 'delivery QA of the 100 000 parcels within the county (invalid, '
             'self-overlaps, gaps, slivers, duplicate and empty BSM), file read included',
             gpkg, 'parcels')
    faulty, make = _faulty(ctx, gpkg)
    qa_faults = _qa(ctx, 'qa-faults', 'the same QA of the 100 000 parcels with faults put in '
                    '(3 duplicated, 1 BSM emptied, 2 deleted, 1 sliver added), file read included',
                    faulty, 'parcels_faulty', make)
    return [overlap_parcels, overlap_farmland, qa, qa_faults]
