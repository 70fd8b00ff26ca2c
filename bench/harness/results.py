"""The results table: printed, and written as bench/out/results.md and results.json.

The files keep the latest results of every case: `bench/run overlay` replaces the overlay rows
and leaves the area rows (each case says when and on what it ran). A run on another scale
(--scale) writes results-scale<S>.md/.json instead, so that a quick check never replaces the
real figures."""
import json
import os

COLUMNS = ['case', 'tool', 'wall (s)', 'CPU (s)', 'peak RSS (MB)', 'figure', 'agrees', 'ratio',
           'target', 'note']
LEFT_ALIGNED = {0, 1, 6, 8, 9}
TOOL_TITLES = {'geopandas': 'GeoPandas', 'postgis': 'PostGIS'}


def format_figure(figure, unit):
    if figure is None:
        return '—'
    if isinstance(figure, dict):
        if 'total' in figure:
            figure = figure['total']
        else:
            return f'{len(figure)} keys'
    text = f'{figure:,.6f}' if abs(figure) < 1e12 else f'{figure:.9g}'
    return f'{text} {unit}'.strip()


def _is_baseline(row):
    return row.get('baseline', row.get('agrees_text') == 'baseline')


def _seconds_text(seconds):
    return f'{seconds:.2f} s' if seconds < 10 else f'{seconds:.1f} s'


def _number(value):
    return f'{value:g}' if value < 1000 else f'{value:,.0f}'.replace(',', ' ')


def evaluate(cases, rows):
    """Every target of every case with targets, against the merged rows: a list of checks
    {case, tool, kind, target, value, met, target_text, value_text, note}. kind: seconds,
    peak_mb, times (a province case's wall time / its 100 000-parcel case's), ratio (a peer's
    wall time / redline's; target None: shown only). met: True, False, or None (no target, or
    no figure: a failed run misses its targets, met False)."""
    by_case = {}
    for row in rows:
        by_case.setdefault(row['case'], []).append(row)
    meta = {c['name']: c for c in cases}
    checks = []
    for case in cases:
        targets = case.get('targets')
        if not targets:
            continue
        case_rows = by_case.get(case['name'], [])
        base = next((r for r in case_rows if _is_baseline(r)), None)
        tool = base['tool'] if base else 'redline'

        def bound(kind, target, value, unit, value_text):
            """redline's figure `value` at most `target` (no figure: missed)."""
            checks.append({'case': case['name'], 'tool': tool, 'kind': kind, 'target': target,
                           'value': value, 'met': value is not None and value <= target,
                           'target_text': f'≤ {_number(target)} {unit}',
                           'value_text': 'no figure' if value is None else value_text,
                           'note': ''})
        if targets.get('seconds') is not None:
            value = base['seconds'] if base else None
            bound('seconds', targets['seconds'], value, 's',
                  value is not None and _seconds_text(value))
        if targets.get('peak_mb') is not None:
            value = base['peak_rss_mb'] if base else None
            bound('peak_mb', targets['peak_mb'], value, 'MB', value is not None and f'{value:.0f} MB')
        if targets.get('times_case'):
            reference_name = targets['times_case']
            reference = next((r for r in by_case.get(reference_name, []) if _is_baseline(r)), None)
            value = None
            note = ''
            if base and reference and base.get('seconds') and reference.get('seconds'):
                value = base['seconds'] / reference['seconds']
                note = f"{_seconds_text(base['seconds'])} / {_seconds_text(reference['seconds'])}"
                other = meta.get(reference_name, {}).get('run')
                if other != case.get('run'):
                    note += (f"; {reference_name} from another bench run "
                             f"({meta.get(reference_name, {}).get('date', '?')})")
            elif not reference:
                note = f'{reference_name} not run'
            else:
                note = f'no time of {reference_name}' if base and base.get('seconds') else ''
            checks.append({'case': case['name'], 'tool': tool, 'kind': 'times',
                           'target': targets['max_times'], 'value': value,
                           'met': False if value is None else value <= targets['max_times'],
                           'target_text': f"≤ {targets['max_times']:g}× {reference_name}",
                           'value_text': 'no figure' if value is None else f'{value:.2f}×',
                           'note': note})
        min_ratio = targets.get('min_ratio') or {}
        for row in case_rows:
            if _is_baseline(row) or not (row['tool'] in min_ratio or row['tool'] in TOOL_TITLES):
                continue
            target = min_ratio.get(row['tool'])
            value = row.get('ratio')
            checks.append({'case': case['name'], 'tool': row['tool'], 'kind': 'ratio',
                           'target': target, 'value': value,
                           'met': None if target is None else (value is not None
                                                                and value >= target),
                           'target_text': '' if target is None else f'≥ {target:g}×',
                           'value_text': 'no figure' if value is None else f'{value:.1f}×',
                           'note': ''})
    return checks


def _verdict(check):
    return {True: 'met', False: 'missed', None: ''}[check['met']]


def row_target_text(row, checks):
    """The target column of a row: its targets and whether they were met."""
    parts = []
    for c in checks:
        if c['case'] == row['case'] and c['tool'] == row['tool'] and c['target'] is not None:
            if c['kind'] == 'ratio' and not _is_baseline(row):
                parts.append(f"{c['target_text']}: {_verdict(c)}")
            elif c['kind'] != 'ratio' and _is_baseline(row):
                parts.append(f"{c['target_text']}: {_verdict(c)}")
    return '; '.join(parts)


def render_targets(cases, rows, checks, issue=13):
    """The summary table of one issue's targets (markdown, ready to paste into the README):
    a row per case with targets, redline's figure, the peers' with their ratios, the targets,
    and which were met."""
    by_case = {}
    for row in rows:
        by_case.setdefault(row['case'], []).append(row)
    targeted = sorted((c for c in cases if c.get('targets') and c['targets'].get('issue') == issue),
                      key=lambda c: c['targets'].get('row', 0))
    if not targeted:
        return ''
    lines = [f'## issue {issue} targets', '',
             'redline: the whole process (its reading included), peak RSS; GeoPandas: the whole '
             'script; PostGIS: the query alone, data loaded beforehand. (n×): the peer\'s wall '
             'time / redline\'s.', '',
             '| job | case | redline | GeoPandas | PostGIS (query only) | target | verdict |',
             '|---|---|--:|--:|--:|---|---|']
    for case in targeted:
        name = case['name']
        case_rows = by_case.get(name, [])
        case_checks = [c for c in checks if c['case'] == name]
        base = next((r for r in case_rows if _is_baseline(r)), None)
        if base and base.get('seconds') is not None:
            redline = f"{_seconds_text(base['seconds'])}, {base['peak_rss_mb']:.0f} MB"
        else:
            redline = 'FAILED' if base else 'not run'
        times = next((c for c in case_checks if c['kind'] == 'times'), None)
        if times and times['value'] is not None:
            redline += f" ({times['value']:.1f}× {case['targets']['times_case']})"
        peers = []
        for tool in TOOL_TITLES:
            row = next((r for r in case_rows if r['tool'] == tool), None)
            if row is None:
                peers.append('—')
            elif row.get('seconds') is None:
                peers.append('FAILED')
            else:
                ratio = '' if row.get('ratio') is None else f" ({row['ratio']:.1f}×)"
                peers.append(f"{_seconds_text(row['seconds'])}{ratio}")
        wanted = [c for c in case_checks if c['target'] is not None]
        target = '; '.join((f"{c['target_text']} {TOOL_TITLES.get(c['tool'], c['tool'])}"
                            if c['kind'] == 'ratio' else c['target_text']) for c in wanted)
        if not wanted:
            target, verdict = 'ratios shown', '—'
        elif all(c['met'] for c in wanted):
            verdict = 'met'
        else:
            verdict = 'missed: ' + ', '.join(
                f"{TOOL_TITLES.get(c['tool'], c['tool']) + ' ' if c['kind'] == 'ratio' else ''}"
                f"{c['value_text']} (target {c['target_text']})" for c in wanted if not c['met'])
        notes = [c['note'] for c in case_checks if c['note'] and (
                 c['kind'] == 'times' and c['value'] is None or 'another bench run' in c['note'])]
        if notes:
            verdict += ' [' + '; '.join(notes) + ']'
        lines.append('| ' + ' | '.join(cell.replace('|', '\\|') for cell in
                                       [case['targets']['job'], name, redline] + peers
                                       + [target, verdict]) + ' |')
    lines.append('')
    dates = sorted({c.get('date', '?') for c in targeted})
    runs = {c.get('run') for c in targeted}
    when = dates[0] if len(dates) == 1 else f'{dates[0]} to {dates[-1]}'
    lines.append(f"Measured {when}, {'in one bench run' if len(runs) == 1 else 'in several bench runs (see each case)'}; "
                 f"{targeted[0].get('machine', '')}; redline {targeted[0].get('redline', '?')}; "
                 f"load average (1 min) {targeted[0].get('load', '?').split(',')[0].replace(' before', '')} before the first case.")
    return '\n'.join(lines) + '\n'


def table_rows(rows, checks=()):
    out = []
    for r in rows:
        out.append([
            r['case'], r['tool'],
            '—' if r['seconds'] is None else f"{r['seconds']:.2f}",
            '—' if r['cpu_seconds'] is None else f"{r['cpu_seconds']:.2f}",
            '—' if r['peak_rss_mb'] is None else f"{r['peak_rss_mb']:.0f}",
            format_figure(r['figure'], r['unit']),
            r['agrees_text'],
            '—' if r['ratio'] is None else f"{r['ratio']:.2f}",
            row_target_text(r, checks),
            r['note'],
        ])
    return out


def render_text(rows, checks=()):
    cells = [COLUMNS] + table_rows(rows, checks)
    widths = [max(len(row[i]) for row in cells) for i in range(len(COLUMNS))]
    lines = []
    for n, row in enumerate(cells):
        lines.append('  '.join(c.ljust(w) if i in LEFT_ALIGNED else c.rjust(w)
                               for i, (c, w) in enumerate(zip(row, widths))).rstrip())
        if n == 0:
            lines.append('  '.join('-' * w for w in widths))
    return '\n'.join(lines)


def render_markdown(cases, rows, checks=()):
    lines = ['# redline benchmark results', '',
             'Written by `bench/run` (see bench/README.md). ratio: the tool\'s wall time / the '
             'baseline\'s (redline). agrees: the figure against the baseline\'s, within the '
             'case\'s tolerance. CPU: user + system time, which the load of a shared machine '
             'disturbs less than wall time. target: what the issue asks of the row, met or '
             'missed (the summary of issue 13\'s targets follows the table).', '',
             '| ' + ' | '.join(COLUMNS) + ' |',
             '|' + '|'.join('---' if i in LEFT_ALIGNED else '--:'
                            for i in range(len(COLUMNS))) + '|']
    for row in table_rows(rows, checks):
        lines.append('| ' + ' | '.join(c.replace('|', '\\|') for c in row) + ' |')
    lines.append('')
    summary = render_targets(cases, rows, checks)
    if summary:
        lines += [summary]
    for case in cases:
        lines.append(f"- **{case['name']}**: {case['title']} (tolerance {case['tolerance']}). "
                     f"Run {case['date']} on {case['machine']}, load average (1 min) "
                     f"{case['load']}; redline {case['redline']}, {case['threads']} threads; "
                     f"repeat {case['repeat']}; data: {case['data']}.")
    return '\n'.join(lines) + '\n'


def _read_previous(path):
    try:
        with open(path, encoding='utf-8') as f:
            previous = json.load(f)
        return list(previous['cases']), list(previous['rows'])
    except (OSError, ValueError, KeyError, TypeError):
        return [], []


def write(out_dir, cases, rows, basename='results'):
    """Merges this run's cases and rows into <basename>.json/.md (replacing the rows of the
    cases run again, keeping the others) and returns the merged (cases, rows)."""
    os.makedirs(out_dir, exist_ok=True)
    json_path = os.path.join(out_dir, basename + '.json')
    old_cases, old_rows = _read_previous(json_path)
    fresh = {c['name'] for c in cases}
    merged_cases = [c for c in old_cases if c.get('name') not in fresh]
    merged_rows = [r for r in old_rows if r.get('case') not in fresh]
    # Keep the earlier order of cases, with new ones at the end.
    order = [c['name'] for c in old_cases] + [c['name'] for c in cases
                                               if c['name'] not in {o['name'] for o in old_cases}]
    merged_cases = sorted(merged_cases + list(cases), key=lambda c: order.index(c['name']))
    merged_rows = sorted(merged_rows + list(rows), key=lambda r: order.index(r['case']))
    checks = evaluate(merged_cases, merged_rows)
    for row in merged_rows:
        row['target'] = row_target_text(row, checks)
    for name, text in ((basename + '.md', render_markdown(merged_cases, merged_rows, checks)),
                       (basename + '.json',
                        json.dumps({'cases': merged_cases, 'rows': merged_rows,
                                    'targets': checks}, indent=1,
                                   ensure_ascii=False, default=str) + '\n')):
        tmp = os.path.join(out_dir, name + '.tmp')
        with open(tmp, 'w', encoding='utf-8') as f:
            f.write(text)
        os.replace(tmp, os.path.join(out_dir, name))
    return merged_cases, merged_rows, checks
