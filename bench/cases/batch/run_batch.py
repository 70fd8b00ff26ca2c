#!/usr/bin/python3
"""Times one `redline batch` run for bench/cases/batch.py and prints, as JSON, the national
red line area, the seconds a county took and the projected hours of a national run
(2 850 counties) on 1, 2, 5, 10, 50 and 100 machines of 2 cores (assumptions: batch.py)."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time

NATIONAL_COUNTIES = 2850

ap = argparse.ArgumentParser()
ap.add_argument('--redline', required=True)
ap.add_argument('--delivery', required=True)
ap.add_argument('--counties', type=int, required=True)
ap.add_argument('--rules-from', required=True)
ap.add_argument('--work', required=True)
ap.add_argument('--threads', default='0')
ap.add_argument('--mpirun', type=int, default=0)
a = ap.parse_args()

if os.path.exists(a.work):
    shutil.rmtree(a.work)
os.makedirs(a.work)
rules = os.path.join(a.work, 'rules.toml')
with open(a.rules_from, encoding='utf-8') as f:
    text = f.read()
with open(rules, 'w', encoding='utf-8') as f:
    f.write(text.replace('"huichang.gpkg"', '"{delivery}"'))
catalogue = os.path.join(a.work, 'counties.csv')
with open(catalogue, 'w', encoding='utf-8') as f:
    f.write('code,name,delivery\n')
    for i in range(a.counties):
        f.write(f'{360701 + i},样例县{i + 1},{a.delivery}\n')

cmd = [a.redline, 'batch', rules, '--catalogue', catalogue, '--out-dir', os.path.join(a.work, 'out'),
       '--format', 'json']
if a.threads not in ('0', ''):
    cmd += ['--threads', a.threads]
if a.mpirun:
    cmd = ['mpirun', '-np', str(a.mpirun)] + cmd
start = time.monotonic()
run = subprocess.run(cmd, capture_output=True, text=True)
seconds = time.monotonic() - start
if run.returncode not in (0, 1):
    sys.stderr.write(run.stderr)
    sys.exit(run.returncode or 1)
national = json.loads(run.stdout)
if national['errors']:
    sys.stderr.write(f"{national['errors']} counties could not run\n")
    sys.exit(1)
per_county = seconds / a.counties  # on this one machine, its 2 cores
print(json.dumps({
    'national_area': national['checks'][0]['value'],
    'counties': a.counties,
    'seconds': seconds,
    'seconds_per_county': per_county,
    'national_hours': {str(n): NATIONAL_COUNTIES * per_county / n / 3600 for n in (1, 2, 5, 10, 50, 100)},
}))
