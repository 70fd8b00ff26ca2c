"""What a benchmark case is: runs of several tools on the same input, and how to compare them.

A case module (bench/cases/<name>.py) builds these from `cases(ctx)`; the harness runs them.
"""
import math
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Optional, Sequence, Union


@dataclass(frozen=True)
class Tolerance:
    """Two figures agree when |a - b| <= abs or |a - b| <= rel * |base| (either suffices)."""
    rel: Optional[float] = None
    abs: Optional[float] = None

    def __post_init__(self):
        if self.rel is None and self.abs is None:
            raise ValueError('Tolerance needs rel or abs')

    def check(self, base: float, value: float):
        """Returns (agrees, text) where text states the difference found."""
        diff = abs(value - base)
        ok = False
        parts = []
        if self.abs is not None:
            ok = ok or diff <= self.abs
            parts.append(f'Δ {diff:.3g}')
        if self.rel is not None:
            rel = diff / abs(base) if base else (0.0 if diff == 0 else math.inf)
            ok = ok or rel <= self.rel
            parts.append(f'rel {rel:.2g}')
        return ok, ', '.join(parts)

    def describe(self) -> str:
        parts = []
        if self.rel is not None:
            parts.append(f'rel ≤ {self.rel:g}')
        if self.abs is not None:
            parts.append(f'abs ≤ {self.abs:g}')
        return ' or '.join(parts)


Figure = Union[float, dict]

PEERS = ('geopandas', 'postgis')   # the reference tools whose ratios a target table shows


@dataclass(frozen=True)
class Targets:
    """What an issue asks of a case (bench/README.md, "Targets"). Every bound concerns the
    baseline run (redline) unless it names a peer:
    - seconds: its wall time at most; peak_mb: its peak RSS at most (MB as the table's, MiB);
    - min_ratio: {peer tool: the least ratio, the peer's wall time / redline's}; a peer run
      absent from min_ratio still has its ratio shown in the target table (no target);
    - times_case, max_times: redline's wall time at most max_times x the baseline wall time of
      case `times_case` (the 100 000-parcel case of a province case) in the same bench run.
    job: the row of the issue's table the case stands for; issue: the issue's number; row: its
    place in the summary table (ascending)."""
    job: str
    seconds: Optional[float] = None
    peak_mb: Optional[float] = None
    min_ratio: Mapping[str, float] = field(default_factory=dict)
    times_case: Optional[str] = None
    max_times: Optional[float] = None
    issue: int = 13
    row: int = 0

    def as_dict(self) -> dict:
        return {'issue': self.issue, 'row': self.row, 'job': self.job, 'seconds': self.seconds,
                'peak_mb': self.peak_mb, 'min_ratio': dict(self.min_ratio),
                'times_case': self.times_case, 'max_times': self.max_times}


@dataclass
class Run:
    """One tool's command in a case.

    figure(stdout) returns a number or {key: number}. setup() runs untimed before the command.
    measured(stdout) -> (seconds, peak_rss_mb) replaces the harness's own figures (either may be
    None) for a command that times itself. note is a string or a callable(stdout) -> str.
    exit_codes: the exit codes that mean the command produced its result (DEFAULT: 0 only; a
    check that reports a failed check with exit 1 lists (0, 1)); any other marks the row FAILED.
    """
    tool: str
    cmd: Sequence[Any]
    figure: Callable[[str], Figure]
    setup: Optional[Callable[[], Any]] = None
    measured: Optional[Callable[[str], tuple]] = None
    env: Optional[dict] = None
    baseline: bool = False
    note: Union[str, Callable[[str], str]] = ''
    exit_codes: Sequence[int] = (0,)


@dataclass
class Case:
    """Runs of several tools computing the same figure on the same input.

    tolerance: a Tolerance, or a callable key -> Tolerance for dict figures.
    compare(base_figure, figure) -> (bool, str) replaces the tolerance check entirely.
    needs: 'geopandas', 'postgis', or Debian package names, installed if missing.
    targets: what the issue asks of it (Targets); the case then belongs to the group
    `issue<N>` (bench/run issue13 runs every case with issue 13's targets).
    """
    name: str
    runs: Sequence[Run]
    title: str = ''
    unit: str = ''
    needs: Sequence[str] = ()
    tolerance: Union[Tolerance, Callable[[str], Tolerance]] = Tolerance(rel=1e-9)
    compare: Optional[Callable[[Figure, Figure], tuple]] = None
    targets: Optional[Targets] = None
    # Filled in by the harness: the module that defined the case and the datasets it asked for.
    module: str = ''
    datasets: list = field(default_factory=list)

    @property
    def groups(self):
        return [f'issue{self.targets.issue}'] if self.targets else []

    def baseline_run(self) -> Run:
        for run in self.runs:
            if run.baseline:
                return run
        for run in self.runs:
            if run.tool == 'redline':
                return run
        return self.runs[0]

    def agree(self, base: Figure, value: Figure):
        """Returns (agrees, text) comparing a run's figure with the baseline's."""
        if self.compare is not None:
            return self.compare(base, value)
        if isinstance(base, dict) or isinstance(value, dict):
            if not (isinstance(base, dict) and isinstance(value, dict)):
                return False, 'one figure is per key, the other is not'
            if set(base) != set(value):
                missing = sorted(set(base) ^ set(value), key=str)[:3]
                return False, f'keys differ ({len(set(base) ^ set(value))}: {missing}…)'
            worst_ok, worst_text, failures = True, '', 0
            for key in base:
                ok, text = self._tolerance_for(key).check(base[key], value[key])
                if not ok:
                    failures += 1
                    if worst_ok:
                        worst_ok, worst_text = False, f'{key}: {text}'
            if failures:
                return False, f'{failures}/{len(base)} keys differ; first {worst_text}'
            return True, f'{len(base)} keys'
        return self._tolerance_for('total').check(base, value)

    def _tolerance_for(self, key) -> Tolerance:
        return self.tolerance if isinstance(self.tolerance, Tolerance) else self.tolerance(key)

    def tolerance_text(self) -> str:
        if self.compare is not None:
            return 'custom'
        if isinstance(self.tolerance, Tolerance):
            return self.tolerance.describe()
        return 'per key'
