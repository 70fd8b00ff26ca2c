#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""The sample generator is deterministic, and the committed sample is what it generates.

Usage: /usr/bin/python3 tests/sample/test_generator_determinism.py [REPO_ROOT]

Runs samples/generate/generate_county.py at a tiny scale twice with the same seed into
temporary directories and compares every layer feature by feature (attributes and geometry
WKB; not file bytes, since a GeoPackage holds timestamps), in the GeoPackage and in the
shapefiles; checks that another seed gives other parcels; and regenerates the committed sample
(samples/huichang/huichang.gpkg, with the seed and scale recorded in its metadata) to check
that it is in step with the generator.  Ends with "N passed, M failed".
"""

import os
import subprocess
import sys
import tempfile
import traceback

from osgeo import gdal, ogr

gdal.UseExceptions()
ogr.UseExceptions()

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                       os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
GEN = os.path.join(ROOT, 'samples', 'generate', 'generate_county.py')
SAMPLE = os.path.join(ROOT, 'samples', 'huichang', 'huichang.gpkg')
PY = '/usr/bin/python3'
TINY = '0.004'

results = []


def check(name):
    def deco(fn):
        try:
            msg = fn()
            results.append((True, name, msg or ''))
        except AssertionError as e:
            results.append((False, name, str(e)))
        except Exception:
            results.append((False, name, traceback.format_exc().strip().splitlines()[-1]))
        return fn
    return deco


def run(out, seed, scale, shapefiles=True):
    cmd = [PY, GEN, '--scale', str(scale), '--seed', str(seed), '--out', out]
    if not shapefiles:
        cmd.append('--no-shapefiles')
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert p.returncode == 0, 'generator failed (%d): %s' % (p.returncode, p.stderr[-2000:])
    assert p.stderr.strip() == '', 'generator wrote to stderr when stderr is not a TTY: %r' % p.stderr[:300]
    return p.stdout


def dump(path):
    """{layer: [(attributes, geometry WKB)]} of a GeoPackage, or of a shapefile directory."""
    out = {}
    if os.path.isdir(path):
        files = sorted(f for f in os.listdir(path) if f.endswith('.shp'))
        sources = [(os.path.join(path, f), None) for f in files]
    else:
        ds = ogr.Open(path)
        sources = [(path, ds.GetLayer(i).GetName()) for i in range(ds.GetLayerCount())]
    for src, lname in sources:
        ds = ogr.Open(src)
        lyr = ds.GetLayerByName(lname) if lname else ds.GetLayer(0)
        d = lyr.GetLayerDefn()
        names = [d.GetFieldDefn(i).GetName() for i in range(d.GetFieldCount())]
        feats = []
        for f in lyr:
            g = f.GetGeometryRef()
            feats.append((tuple(f.GetField(n) for n in names), bytes(g.ExportToIsoWkb()) if g else b''))
        out[lyr.GetName()] = (names, feats)
    return out


def compare(a, b, what):
    assert sorted(a) == sorted(b), '%s: layers differ: %s vs %s' % (what, sorted(a), sorted(b))
    for name in sorted(a):
        fa, fb = a[name], b[name]
        assert fa[0] == fb[0], '%s %s: fields differ' % (what, name)
        assert len(fa[1]) == len(fb[1]), '%s %s: %d vs %d features' % (what, name, len(fa[1]), len(fb[1]))
        for k, (x, y) in enumerate(zip(fa[1], fb[1])):
            assert x[0] == y[0], '%s %s feature %d: attributes differ: %r vs %r' % (what, name, k, x[0], y[0])
            assert x[1] == y[1], '%s %s feature %d: geometry differs' % (what, name, k)
    return sum(len(v[1]) for v in a.values())


tmp = tempfile.TemporaryDirectory(prefix='redline-gen-')
d1, d2, d3 = (os.path.join(tmp.name, x) for x in ('a', 'b', 'c'))
out1 = out2 = None


@check('the generator runs twice with the same seed (scale %s)' % TINY)
def _run():
    global out1, out2
    out1 = run(d1, 7, TINY)
    out2 = run(d2, 7, TINY)
    assert 'parcels' in out1 and 'passed' not in out1


@check('same seed and scale: identical features in the GeoPackage')
def _same_gpkg():
    n = compare(dump(os.path.join(d1, 'huichang.gpkg')), dump(os.path.join(d2, 'huichang.gpkg')), 'gpkg')
    return '%d features' % n


@check('same seed and scale: identical features in the shapefiles')
def _same_shp():
    n = compare(dump(os.path.join(d1, 'shp')), dump(os.path.join(d2, 'shp')), 'shp')
    return '%d features' % n


@check('same seed and scale: identical statistics printed')
def _same_stats():
    strip = lambda s: [l for l in s.splitlines() if not l.startswith(('elapsed', 'redline sample generator'))]
    assert strip(out1) == strip(out2), 'statistics differ'


@check('another seed gives other parcels')
def _other_seed():
    run(d3, 8, TINY, shapefiles=False)
    a = dump(os.path.join(d1, 'huichang.gpkg'))['parcels'][1]
    b = dump(os.path.join(d3, 'huichang.gpkg'))['parcels'][1]
    assert [g for _, g in a] != [g for _, g in b], 'seed 7 and seed 8 gave the same parcels'


@check('the committed sample is what the generator makes from its recorded seed and scale')
def _committed():
    assert os.path.exists(SAMPLE), 'no committed sample at %s' % SAMPLE
    meta = gdal.OpenEx(SAMPLE).GetMetadata()
    seed, scale = meta.get('SEED'), meta.get('SCALE')
    assert seed and scale, 'sample metadata lacks SEED/SCALE: %r' % meta
    d4 = os.path.join(tmp.name, 'sample')
    run(d4, seed, scale, shapefiles=False)
    try:
        n = compare(dump(SAMPLE), dump(os.path.join(d4, 'huichang.gpkg')), 'committed sample')
    except AssertionError as e:
        raise AssertionError('%s -- regenerate it: %s %s --seed %s --scale %s --out samples/huichang'
                             % (e, PY, 'samples/generate/generate_county.py', seed, scale))
    return 'seed %s, scale %s, %d features' % (seed, scale, n)


tmp.cleanup()
npass = sum(1 for ok, _, _ in results if ok)
nfail = len(results) - npass
for ok, name, msg in results:
    print('%s: %s%s' % ('PASS' if ok else 'FAIL', name, (' -- ' + msg) if msg else ''))
print('%d passed, %d failed' % (npass, nfail))
sys.exit(1 if nfail else 0)
