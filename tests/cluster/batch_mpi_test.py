#!/usr/bin/python3
"""redline batch under mpirun gives the tables of one process, to the byte (issue 13).

    batch_mpi_test.py REDLINE MPIEXEC DATA_DIR WORK_DIR

DATA_DIR is tests/data/cluster (made by make_counties.py). Runs the catalogue in one process and
under `mpirun -np 2` and `-np 4` (more ranks than counties: a rank with none), and compares
stdout and counties.csv, counties.json, national.csv, national.json byte for byte; the same with
a county whose delivery is missing (exit 2 everywhere, its error row identical). The oracle of
the national figures: each county's `redline check RULES --delivery D --format json`, summed
here in catalogue order (areas), and the rate recomputed as 100 * sum(inside) / sum(of).

mpirun settings (Open MPI 4.1, Debian 12; work as root, in containers, without ssh):
  OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1  (= --allow-run-as-root)
  OMPI_MCA_rmaps_base_oversubscribe=1                         (= --oversubscribe: 4 ranks, 2 cores)
  OMPI_MCA_plm=isolated          start the ranks on this machine only (no ssh/rsh agent needed)
  OMPI_MCA_btl=self,vader OMPI_MCA_pml=ob1   shared memory; no InfiniBand/UCX probing
  OMPI_MCA_btl_vader_single_copy_mechanism=none   no CMA (ptrace is often denied in containers)
"""
import csv
import json
import os
import shutil
import subprocess
import sys

REDLINE, MPIEXEC, DATA, WORK = sys.argv[1:5]
RULES = os.path.join(DATA, 'rules.toml')
CATALOGUE = os.path.join(DATA, 'counties.csv')
FILES = ['counties.csv', 'counties.json', 'national.csv', 'national.json']
MPI_ENV = {
    'OMPI_ALLOW_RUN_AS_ROOT': '1', 'OMPI_ALLOW_RUN_AS_ROOT_CONFIRM': '1',
    'OMPI_MCA_rmaps_base_oversubscribe': '1', 'OMPI_MCA_plm': 'isolated',
    'OMPI_MCA_btl': 'self,vader', 'OMPI_MCA_pml': 'ob1',
    'OMPI_MCA_btl_vader_single_copy_mechanism': 'none',
}
# Under scripts/dev asan: Open MPI 4.1 leaves its set-up unfreed at MPI_Finalize, much of it in
# MCA components it has unloaded by exit, which LeakSanitizer then cannot name (frames in
# "<unknown module>"), so no suppression can single them out. The ranks run with leak detection
# off; the one-process runs above them, which walk the same redline code but for MPI, keep it.
if 'ASAN_OPTIONS' in os.environ:
    MPI_ENV['ASAN_OPTIONS'] = os.environ['ASAN_OPTIONS'] + ':detect_leaks=0'
failures = []


def fail(message):
    failures.append(message)
    print('FAIL: ' + message, file=sys.stderr)


def run(args, env=None):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run(args, capture_output=True, env=e, timeout=300)


def batch(out_dir, catalogue, ranks):
    if os.path.exists(out_dir):
        shutil.rmtree(out_dir)
    args = [REDLINE, 'batch', RULES, '--catalogue', catalogue, '--out-dir', out_dir, '--format', 'json',
            '--threads', '1']
    if ranks:
        return run([MPIEXEC, '-np', str(ranks)] + args, MPI_ENV)
    return run(args)


def files(out_dir):
    return {name: open(os.path.join(out_dir, name), 'rb').read() for name in FILES}


def compare(label, catalogue, want_code):
    one = batch(os.path.join(WORK, label + '-1'), catalogue, 0)
    if one.returncode != want_code:
        fail(f'{label}: one process exit {one.returncode}, expected {want_code}: {one.stderr.decode()}')
    reference = files(os.path.join(WORK, label + '-1'))
    for ranks in (2, 4):
        r = batch(os.path.join(WORK, f'{label}-{ranks}'), catalogue, ranks)
        # mpirun exits with the code of the first rank that exits non-zero: every rank returns the batch's.
        if r.returncode != want_code:
            fail(f'{label}: mpirun -np {ranks} exit {r.returncode}, expected {want_code}: {r.stderr.decode()}')
        if r.stdout != one.stdout:
            fail(f'{label}: mpirun -np {ranks} stdout differs from one process')
        got = files(os.path.join(WORK, f'{label}-{ranks}'))
        for name in FILES:
            if got[name] != reference[name]:
                fail(f'{label}: mpirun -np {ranks}: {name} differs from one process')
    return reference


os.makedirs(WORK, exist_ok=True)
reference = compare('sample', CATALOGUE, 1)

# The oracle: every county checked alone by `redline check`, its figures summed here.
national = json.loads(reference['national.json'])
with open(CATALOGUE, encoding='utf-8') as f:
    counties = list(csv.DictReader(f))
reports = []
for c in counties:
    delivery = os.path.join(DATA, c['delivery'])
    r = run([REDLINE, 'check', RULES, '--delivery', delivery, '--format', 'json'])
    if r.returncode not in (0, 1):
        fail(f'redline check --delivery {delivery}: exit {r.returncode}: {r.stderr.decode()}')
        continue
    reports.append(json.loads(r.stdout))
area = [rep['checks'][0] for rep in reports]
share = [rep['checks'][1] for rep in reports]
total = 0.0
for a in area:  # catalogue order, as rank 0 sums
    total += a['value']
n0, n1 = national['checks'][0], national['checks'][1]
if n0['value'] != total or n0['value_is'] != 'sum':
    fail(f"national area {n0['value']!r}, the counties' checks sum to {total!r}")
if n0['threshold'] != 50.0 * len(counties):
    fail(f"national baseline {n0['threshold']!r}, expected {50.0 * len(counties)!r} (50 ha a county)")
inside = sum(s['details']['inside'] for s in share)
of = sum(s['details']['of'] for s in share)
rate = 100.0 * inside / of
if n1['value_is'] != 'rate' or abs(n1['value'] - rate) > 1e-12 * rate:
    fail(f"national share {n1['value']!r}, expected 100 * {inside!r} / {of!r} = {rate!r}")
mean = sum(s['value'] for s in share) / len(share)
if abs(n1['value'] - mean) < 1e-6:
    fail('the national share equals the mean of the county shares: the oracle cannot tell them apart')
if (n0['passed'], n0['failed'], n1['passed'], n1['failed']) != (
        sum(a['passed'] for a in area), sum(not a['passed'] for a in area),
        sum(s['passed'] for s in share), sum(not s['passed'] for s in share)):
    fail('national pass/fail counts differ from the counties\' checks')
# Each county's report in counties.json is its `redline check` report, figure for figure.
by_county = json.loads(reference['counties.json'])['counties']
for c, rep, row in zip(counties, reports, by_county):
    if row['code'] != c['code'] or row['report']['checks'][0]['value'] != rep['checks'][0]['value']:
        fail(f"county {c['code']}: counties.json differs from redline check")

# A county whose delivery is missing: its row carries the error, the others their figures.
broken = os.path.join(WORK, 'broken.csv')
text = 'code,name,delivery\n'
for c in counties:
    text += f"{c['code']},{c['name']},{os.path.join(DATA, c['delivery'])}\n"
text += '360799,缺县,' + os.path.join(DATA, 'deliveries', 'missing') + '\n'
with open(broken, 'w', encoding='utf-8') as f:
    f.write(text)
broken_ref = compare('broken', broken, 2)
rows = list(csv.DictReader(broken_ref['counties.csv'].decode('utf-8').splitlines()))
last = rows[-1]
if last['code'] != '360799' or last['status'] != 'error' or 'missing' not in last['error']:
    fail(f'the missing delivery is not an error row: {last}')
if len(rows) != 2 * len(counties) + 1:
    fail(f'{len(rows)} rows with a missing delivery, expected {2 * len(counties) + 1}')
if json.loads(broken_ref['national.json'])['checks'][0]['complete'] is not False:
    fail('a national figure with a county missing is not marked incomplete')

# Rules refused before any county runs: every rank finds it, one says it, all exit 2.
shared = os.path.join(os.path.dirname(DATA), 'checks', 'small.toml')
r = run([MPIEXEC, '-np', '2', REDLINE, 'batch', shared, '--catalogue', CATALOGUE], MPI_ENV)
said = [line for line in r.stderr.decode().splitlines() if line.startswith('redline: error: ')]
if r.returncode != 2 or len(said) != 1 or 'names no layer by {delivery}' not in said[0]:
    fail(f'refused rules under mpirun: exit {r.returncode}, errors {said}')

print('batch under mpirun: %d failure(s)' % len(failures))
sys.exit(1 if failures else 0)
