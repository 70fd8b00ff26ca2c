"""The `ctx` a case module receives: paths and helpers, nothing that runs at construction."""
import os

from . import environment
from .postgis import PostGis


class Context:
    def __init__(self, root, out_dir, redline, threads, scale=None):
        self.root = root                  # the repository
        self.out = out_dir                # bench/out
        self.redline = redline            # the Release binary (build-bench/redline)
        self.threads = threads            # --threads, DEFAULT: all cores
        self.postgis = PostGis(os.path.join(out_dir, 'pg'))
        self.scale = scale                # --scale: replaces every case's scale (quick runs)
        self._requested = []              # datasets asked for by the module being loaded

    def dataset(self, scale=1):
        """Returns the path of the generated GeoPackage at `scale` (generated before runs)."""
        return self._request('county', scale)

    def province(self, scale=1, tiles=environment.PROVINCE_TILES):
        """Returns the path of the province (issue 13: the county at `scale` tiled 5 x 2, about
        1 M parcels at scale 1; bench/harness/make_province.py), made before runs. tiles='1x1':
        the county itself with the province's derived layers (parcels_boundary)."""
        return self._request(f'province:{tiles}', scale)

    def path_of(self, dataset):
        """The GeoPackage of a requested dataset: (kind, scale), kind 'county' or
        'province:<CxR>'."""
        kind, scale = dataset
        if kind.startswith('province:'):
            tiles = kind.split(':', 1)[1]
            return os.path.join(environment.province_dir(self.out, scale, tiles), 'province.gpkg')
        return os.path.join(environment.dataset_dir(self.out, scale), 'huichang.gpkg')

    def _request(self, kind, scale):
        scale = self.scale if self.scale is not None else scale
        if (kind, scale) not in self._requested:
            self._requested.append((kind, scale))
        return self.path_of((kind, scale))

    def script(self, module_file, name):
        """Returns bench/cases/<module>/<name>: a file the case runs, next to its module."""
        module = os.path.splitext(os.path.basename(module_file))[0]
        return os.path.join(os.path.dirname(os.path.abspath(module_file)), module, name)

    def work(self, name):
        """Returns a scratch directory bench/out/work/<name>/ (created)."""
        path = os.path.join(self.out, 'work', name)
        os.makedirs(path, exist_ok=True)
        return path

    def take_requests(self):
        requested, self._requested = self._requested, []
        return requested
