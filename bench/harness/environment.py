"""Everything a bench run needs before timing anything: Debian packages, the Release build and
the generated data. Each step is skipped when its result is already there."""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time

# What a case's `needs` entry means in Debian packages (anything else is a package name).
NEEDS_PACKAGES = {
    'geopandas': ['python3-geopandas', 'python3-pyproj', 'python3-shapely'],
    'postgis': ['postgresql', 'postgresql-postgis', 'python3-psycopg2', 'gdal-bin'],
}
# The extension: Debian's `postgis` package holds only the client tools and merely recommends
# it (apt-get runs with --no-install-recommends); `postgresql-postgis` is the metapackage over
# postgresql-N-postgis-3. What we test for is the extension's control file.
PROBES = {'postgresql-postgis': lambda: bool(_glob_postgis_control())}


def _glob_postgis_control():
    import glob
    return glob.glob('/usr/share/postgresql/*/extension/postgis.control')


def log(message):
    print(f'[bench] {message}', file=sys.stderr, flush=True)


def _installed(package):
    probe = PROBES.get(package)
    if probe is not None:
        return probe()
    result = subprocess.run(['dpkg-query', '-W', '-f=${Status}', package],
                            capture_output=True, text=True)
    return result.returncode == 0 and 'install ok installed' in result.stdout


def ensure_packages(needs):
    """Installs the Debian packages behind `needs` that are missing (apt-get, non-interactive)."""
    wanted = []
    for need in needs:
        for package in NEEDS_PACKAGES.get(need, [need]):
            if package not in wanted and not _installed(package):
                wanted.append(package)
    if not wanted:
        return
    log('installing ' + ' '.join(wanted))
    env = dict(os.environ, DEBIAN_FRONTEND='noninteractive')
    sudo = [] if os.geteuid() == 0 else ['sudo']
    cmd = sudo + ['apt-get', 'install', '-y', '--no-install-recommends'] + wanted
    if subprocess.run(cmd, env=env).returncode != 0:
        log('apt-get install failed; trying once more after apt-get update')
        subprocess.run(sudo + ['apt-get', 'update'], env=env, check=True)
        subprocess.run(cmd, env=env, check=True)


def ensure_build(root, build_dir):
    """Configures (once) and builds the redline CLI in Release; returns the binary's path.

    A failed build with an older binary present is reported and the old binary used, so that
    someone else's half-finished edit does not stop a benchmark; the note says so."""
    binary = os.path.join(build_dir, 'redline')
    # The project's own list of build dependencies, installed if missing.
    subprocess.run([os.path.join(root, 'scripts', 'dev'), 'deps'], check=True)
    if not os.path.exists(os.path.join(build_dir, 'CMakeCache.txt')):
        log(f'configuring {build_dir} (Release)')
        subprocess.run(['cmake', '-S', root, '-B', build_dir, '-DCMAKE_BUILD_TYPE=Release'],
                       check=True, stdout=subprocess.DEVNULL)
    log('building redline (Release)')
    jobs = str(min(2, os.cpu_count() or 1))
    result = subprocess.run(['cmake', '--build', build_dir, '-j', jobs, '--target', 'redline_cli'],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        if not os.path.exists(binary):
            sys.stderr.write(result.stdout[-4000:])
            raise SystemExit('[bench] the build failed and there is no redline binary')
        when = time.strftime('%Y-%m-%d %H:%M', time.localtime(os.path.getmtime(binary)))
        log(f'the build failed; using the existing binary built {when}')
        return binary, f'build failed, binary of {when}'
    return binary, ''


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''):
            digest.update(block)
    return digest.hexdigest()


def dataset_dir(out_dir, scale):
    return os.path.join(out_dir, 'data', f'scale{scale:g}')


PROVINCE_TILES = '5x2'   # DEFAULT tiling of make_province.py: about 1 M parcels at scale 1


def province_dir(out_dir, scale=1, tiles=PROVINCE_TILES):
    """bench/out/data/province/ (the scale-1 county tiled 5x2); province-scale<S>/ at another
    scale; with other tiles, tiles<CxR>[-scale<S>]/ (1x1: the county with the derived layers)."""
    name = 'province' if tiles == PROVINCE_TILES else f'tiles{tiles}'
    return os.path.join(out_dir, 'data', name if scale == 1 else f'{name}-scale{scale:g}')


def ensure_province(root, out_dir, scale=1, regenerate=False, tiles=PROVINCE_TILES):
    """Makes bench/out/data/province/province.gpkg (issue 13: the county at `scale` tiled
    `tiles`, DEFAULT 5x2, by bench/harness/make_province.py) unless cached; returns (path, stamp).

    The cache is keyed by the recipe's SHA-256 and the county's own stamp: a regenerated county
    or a changed recipe makes the province again."""
    county, county_stamp = ensure_dataset(root, out_dir, scale, regenerate)
    recipe = os.path.join(root, 'bench', 'harness', 'make_province.py')
    directory = province_dir(out_dir, scale, tiles)
    gpkg = os.path.join(directory, 'province.gpkg')
    stamp_path = os.path.join(directory, 'stamp.json')
    stamp = {}
    if os.path.exists(stamp_path):
        with open(stamp_path) as f:
            stamp = json.load(f)
    recipe_sha = _sha256(recipe)
    if (not regenerate and os.path.exists(gpkg) and stamp.get('recipe_sha256') == recipe_sha
            and stamp.get('county') == county_stamp and stamp.get('tiles') == tiles):
        return gpkg, stamp
    log(f'making the province: make_province.py on {county} --tiles {tiles} '
        f'(once; cached in {directory})')
    staging = directory + '.tmp'
    shutil.rmtree(staging, ignore_errors=True)
    os.makedirs(staging)
    start = time.perf_counter()
    made = subprocess.run(['/usr/bin/python3', recipe, county,
                           os.path.join(staging, 'province.gpkg'), '--tiles', tiles],
                          check=True, stdout=subprocess.PIPE, text=True)
    stamp = {'recipe': 'bench/harness/make_province.py', 'recipe_sha256': recipe_sha,
             'tiles': tiles,
             'county': county_stamp, 'summary': json.loads(made.stdout),
             'seconds': round(time.perf_counter() - start, 1),
             'generated': time.strftime('%Y-%m-%dT%H:%M:%S')}
    with open(os.path.join(staging, 'stamp.json'), 'w') as f:
        json.dump(stamp, f, indent=1, ensure_ascii=False)
    # A rename, not a rewrite: whoever has the old file open (or linked) keeps reading it whole.
    shutil.rmtree(directory, ignore_errors=True)
    os.rename(staging, directory)
    log(f'province made in {stamp["seconds"]} s: {stamp["summary"]["bytes"] / 1e6:.0f} MB')
    return gpkg, stamp


_REGENERATED = set()   # scales regenerated by this bench run (--regenerate: once each)


def ensure_dataset(root, out_dir, scale, regenerate=False):
    """Generates bench/out/data/scale<S>/huichang.gpkg with the sample generator unless cached.

    The cache is keyed by the arguments and the generator's SHA-256: data made by an older
    generator would time layers that the samples no longer have."""
    generator = os.path.join(root, 'samples', 'generate', 'generate_county.py')
    directory = dataset_dir(out_dir, scale)
    gpkg = os.path.join(directory, 'huichang.gpkg')
    stamp_path = os.path.join(directory, 'stamp.json')
    args = ['--scale', f'{scale:g}', '--no-shapefiles']
    if not os.path.exists(generator):
        raise SystemExit(f'[bench] {generator} is missing: it generates the benchmark data')
    stamp = {}
    if os.path.exists(stamp_path):
        with open(stamp_path) as f:
            stamp = json.load(f)
    generator_sha = _sha256(generator)
    regenerate = regenerate and scale not in _REGENERATED
    _REGENERATED.add(scale)
    if (not regenerate and os.path.exists(gpkg) and stamp.get('args') == args
            and stamp.get('generator_sha256') == generator_sha):
        return gpkg, stamp
    log(f'generating the data: generate_county.py {" ".join(args)} (once; cached in {directory})')
    staging = directory + '.tmp'
    shutil.rmtree(staging, ignore_errors=True)
    os.makedirs(staging)
    start = time.perf_counter()
    subprocess.run(['/usr/bin/python3', generator, *args, '--out', staging], check=True,
                   stdout=subprocess.DEVNULL)
    stamp = {'args': args, 'generator_sha256': generator_sha,
             'seconds': round(time.perf_counter() - start, 1),
             'generated': time.strftime('%Y-%m-%dT%H:%M:%S')}
    with open(os.path.join(staging, 'stamp.json'), 'w') as f:
        json.dump(stamp, f, indent=1)
    shutil.rmtree(directory, ignore_errors=True)
    os.rename(staging, directory)
    return gpkg, stamp
