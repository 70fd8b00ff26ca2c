"""A nation on a cluster (issue 13, part 3): `redline batch` on a catalogue of copies of the
sample county, in one process and under `mpirun -np 2`, and what it costs a county.

The catalogue holds COUNTIES rows, each pointing at the generated county (huichang.gpkg, about
100 000 parcels at scale 1) as its delivery; the rules are the sample's indicators
(samples/huichang/indicators.toml, its 10 checks) with every "huichang.gpkg" read as
"{delivery}". Both runs give the same national tables (the figure: the national red line area,
the sum over the counties); bench/cases/batch/run_batch.py times each run and prints the cost of
a county and the projected time of a national run.

Projection (the note): national seconds on N machines = 2 850 counties x (seconds a county on
one 2-core machine, best of the two runs) / N, assuming: every county costs what the sample
county costs (it has 100 000 parcels; the third land survey's 280 M parcels over ~2 850
counties average 98 000), counties spread evenly over the machines (round-robin; no county much
larger than the rest), each machine reads its counties' deliveries as fast as this one reads
the local file, and gathering the results costs nothing beside the counties (a few KB of JSON
each)."""
import json
import os

from harness import Case, Run, Tolerance

COUNTIES = 4
MPI_ENV = {
    'OMPI_ALLOW_RUN_AS_ROOT': '1', 'OMPI_ALLOW_RUN_AS_ROOT_CONFIRM': '1',
    'OMPI_MCA_rmaps_base_oversubscribe': '1', 'OMPI_MCA_plm': 'isolated',
    'OMPI_MCA_btl': 'self,vader', 'OMPI_MCA_pml': 'ob1',
    'OMPI_MCA_btl_vader_single_copy_mechanism': 'none',
}


def _note(out):
    r = json.loads(out)
    proj = ', '.join(f"{n} machine{'s' if n > 1 else ''} {r['national_hours'][str(n)]:.2f} h" for n in (1, 10, 100))
    return (f"{r['counties']} counties, {r['seconds_per_county']:.2f} s a county on one machine; "
            f"national (2 850 counties): {proj}")


def cases(ctx):
    gpkg = ctx.dataset(scale=1)
    script = ctx.script(__file__, 'run_batch.py')
    work = ctx.work('batch')
    common = [script, '--redline', ctx.redline, '--delivery', gpkg, '--counties', str(COUNTIES),
              '--rules-from', os.path.join(ctx.root, 'samples', 'huichang', 'indicators.toml')]
    return [Case(
        name='batch',
        title=f'redline batch: the sample indicators on a catalogue of {COUNTIES} copies of the '
              'county, national red line area; one process vs mpirun -np 2',
        unit='ha',
        needs=['libopenmpi-dev', 'openmpi-bin'],
        tolerance=Tolerance(rel=0),
        runs=[
            Run('redline', ['/usr/bin/python3'] + common + ['--work', os.path.join(work, 'one'),
                                                             '--threads', str(ctx.threads)],
                figure=lambda out: json.loads(out)['national_area'], note=_note, baseline=True),
            Run('redline mpirun -np 2', ['/usr/bin/python3'] + common + [
                    '--work', os.path.join(work, 'mpi'), '--threads', '1', '--mpirun', '2'],
                env=MPI_ENV, figure=lambda out: json.loads(out)['national_area'], note=_note),
        ])]
