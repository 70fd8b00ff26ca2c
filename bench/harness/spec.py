"""What a benchmark case is: runs of several tools on the same input, and how to compare them.

A case module (bench/cases/<name>.py) builds these from `cases(ctx)`; the harness runs them.
"""
import math
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Sequence, Union


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
    """
    name: str
    runs: Sequence[Run]
    title: str = ''
    unit: str = ''
    needs: Sequence[str] = ()
    tolerance: Union[Tolerance, Callable[[str], Tolerance]] = Tolerance(rel=1e-9)
    compare: Optional[Callable[[Figure, Figure], tuple]] = None
    # Filled in by the harness: the module that defined the case and the datasets it asked for.
    module: str = ''
    datasets: list = field(default_factory=list)

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
