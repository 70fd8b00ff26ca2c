"""A private PostgreSQL + PostGIS cluster for the bench: bench/out/pg/, 127.0.0.1 only, on a
free port, started on first use and stopped when the bench ends. Tables are (re)loaded once per
bench run, so load time never counts in a query's time."""
import atexit
import glob
import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATABASE = 'bench'


def _free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class PostGis:
    def __init__(self, directory):
        self.directory = directory
        self.port = None
        self._loaded = {}

    # -- what cases use ------------------------------------------------------------------------
    def load(self, gpkg, layer, table=None):
        """Returns a setup callable loading `layer` of `gpkg` into table `table` (DEFAULT: the
        layer name), geometry column geom with a GiST index, analysed. Returns the load note."""
        table = table or layer

        def setup():
            self.start()
            if table in self._loaded:
                return ''
            start = time.perf_counter()
            subprocess.run(['ogr2ogr', '-f', 'PostgreSQL', self._ogr_dsn(), gpkg, layer,
                            '-nln', table, '-overwrite', '-lco', 'GEOMETRY_NAME=geom',
                            '-lco', 'SPATIAL_INDEX=GIST', '-lco', 'FID=fid',
                            '--config', 'PG_USE_COPY', 'YES'], check=True)
            self.sql(f'ANALYZE {table}')
            self._loaded[table] = time.perf_counter() - start
            return f'load {table} {self._loaded[table]:.1f} s untimed'
        return setup

    def run(self, sql, figure, *, load=(), note='query only, 1 backend'):
        """A Run of tool 'postgis': `sql` in a fresh backend (query_cmd), timed on the query
        alone (measured), after loading each (gpkg, layer[, table]) of `load` (untimed; the
        note shows the load times). figure(stdout) reads json.loads(stdout)['rows']."""
        from .spec import Run
        loaders = [self.load(*spec) for spec in load]

        def setup():
            return '; '.join(text for text in (f() for f in loaders) if text)
        return Run('postgis', self.query_cmd(sql), setup=setup if loaders else None,
                   measured=self.measured, figure=figure, note=note)

    def query_cmd(self, sql):
        """Returns a command running `sql` in a fresh backend, printing JSON with seconds,
        peak_rss_mb (the backend's VmHWM) and rows. The port is filled in when it runs."""
        return ['/usr/bin/python3', os.path.join(HERE, 'pg_query.py'), '--dsn-from',
                os.path.join(self.directory, 'dsn'), '--sql', sql]

    @staticmethod
    def measured(stdout):
        """For Run(measured=...): the query's own time, the backend's peak RSS and CPU time."""
        result = json.loads(stdout)
        return result['seconds'], result['peak_rss_mb'], result['cpu_seconds']

    # -- the cluster ---------------------------------------------------------------------------
    def _bin(self, name):
        candidates = sorted(glob.glob(f'/usr/lib/postgresql/*/bin/{name}'),
                            key=lambda p: int(p.split('/')[4]))
        if not candidates:
            raise SystemExit(f'[bench] PostgreSQL binary {name} not found')
        return candidates[-1]

    def _as_postgres(self, cmd, **kwargs):
        prefix = ['runuser', '-u', 'postgres', '--'] if os.geteuid() == 0 else []
        return subprocess.run(prefix + cmd, **kwargs)

    def _ogr_dsn(self):
        return f'PG:host=127.0.0.1 port={self.port} user=postgres dbname={DATABASE}'

    def sql(self, statement):
        subprocess.run(['psql', '-q', '-h', '127.0.0.1', '-p', str(self.port), '-U', 'postgres',
                        '-d', DATABASE, '-v', 'ON_ERROR_STOP=1', '-c', statement], check=True,
                       stdout=subprocess.DEVNULL,
                       env=dict(os.environ, PGOPTIONS='-c client_min_messages=warning'))

    def start(self):
        if self.port is not None:
            return
        data = os.path.join(self.directory, 'data')
        os.makedirs(self.directory, exist_ok=True)
        owner = pwd.getpwnam('postgres') if os.geteuid() == 0 else None
        if owner:
            os.chown(self.directory, owner.pw_uid, owner.pw_gid)
        if not os.path.exists(os.path.join(data, 'PG_VERSION')):
            shutil.rmtree(data, ignore_errors=True)
            self._as_postgres([self._bin('initdb'), '-D', data, '-U', 'postgres', '--auth=trust',
                               '-E', 'UTF8', '--locale=C.UTF-8'], check=True,
                              stdout=subprocess.DEVNULL)
        self.port = _free_port()
        options = (f'-c listen_addresses=127.0.0.1 -p {self.port} -k {self.directory} '
                   '-c max_parallel_workers_per_gather=0 -c shared_buffers=256MB '
                   '-c work_mem=64MB -c fsync=off -c synchronous_commit=off')
        self._as_postgres([self._bin('pg_ctl'), '-D', data, '-o', options, '-w', '-l',
                           os.path.join(self.directory, 'server.log'), 'start'], check=True,
                          stdout=subprocess.DEVNULL)
        atexit.register(self.stop)
        try:
            self._prepare_database()
        except BaseException:
            self.stop()     # so that the next case starts afresh (and fails as clearly)
            raise
        print(f'[bench] PostgreSQL started on 127.0.0.1:{self.port} ({data})', file=sys.stderr)

    def _prepare_database(self):
        exists = subprocess.run(['psql', '-h', '127.0.0.1', '-p', str(self.port), '-U', 'postgres',
                                 '-tAc', f"SELECT 1 FROM pg_database WHERE datname='{DATABASE}'"],
                                capture_output=True, text=True, check=True).stdout.strip()
        if exists != '1':
            subprocess.run(['createdb', '-h', '127.0.0.1', '-p', str(self.port), '-U', 'postgres',
                            DATABASE], check=True)
        self.sql('CREATE EXTENSION IF NOT EXISTS postgis')
        with open(os.path.join(self.directory, 'dsn'), 'w') as f:
            f.write(f'host=127.0.0.1 port={self.port} user=postgres dbname={DATABASE}')

    def stop(self):
        if self.port is None:
            return
        self._as_postgres([self._bin('pg_ctl'), '-D', os.path.join(self.directory, 'data'),
                           '-m', 'fast', '-w', 'stop'], stdout=subprocess.DEVNULL)
        self.port = None
