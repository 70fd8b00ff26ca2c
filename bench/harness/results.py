"""The results table: printed, and written as bench/out/results.md and results.json.

The files keep the latest results of every case: `bench/run overlay` replaces the overlay rows
and leaves the area rows (each case says when and on what it ran). A run on another scale
(--scale) writes results-scale<S>.md/.json instead, so that a quick check never replaces the
real figures."""
import json
import os

COLUMNS = ['case', 'tool', 'wall (s)', 'CPU (s)', 'peak RSS (MB)', 'figure', 'agrees', 'ratio',
           'note']
LEFT_ALIGNED = {0, 1, 6, 8}


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


def table_rows(rows):
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
            r['note'],
        ])
    return out


def render_text(rows):
    cells = [COLUMNS] + table_rows(rows)
    widths = [max(len(row[i]) for row in cells) for i in range(len(COLUMNS))]
    lines = []
    for n, row in enumerate(cells):
        lines.append('  '.join(c.ljust(w) if i in LEFT_ALIGNED else c.rjust(w)
                               for i, (c, w) in enumerate(zip(row, widths))).rstrip())
        if n == 0:
            lines.append('  '.join('-' * w for w in widths))
    return '\n'.join(lines)


def render_markdown(cases, rows):
    lines = ['# redline benchmark results', '',
             'Written by `bench/run` (see bench/README.md). ratio: the tool\'s wall time / the '
             'baseline\'s (redline). agrees: the figure against the baseline\'s, within the '
             'case\'s tolerance. CPU: user + system time, which the load of a shared machine '
             'disturbs less than wall time.', '',
             '| ' + ' | '.join(COLUMNS) + ' |',
             '|' + '|'.join('---' if i in LEFT_ALIGNED else '--:'
                            for i in range(len(COLUMNS))) + '|']
    for row in table_rows(rows):
        lines.append('| ' + ' | '.join(c.replace('|', '\\|') for c in row) + ' |')
    lines.append('')
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
    for name, text in ((basename + '.md', render_markdown(merged_cases, merged_rows)),
                       (basename + '.json',
                        json.dumps({'cases': merged_cases, 'rows': merged_rows}, indent=1,
                                   ensure_ascii=False, default=str) + '\n')):
        tmp = os.path.join(out_dir, name + '.tmp')
        with open(tmp, 'w', encoding='utf-8') as f:
            f.write(text)
        os.replace(tmp, os.path.join(out_dir, name))
    return merged_cases, merged_rows
