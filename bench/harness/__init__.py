"""The bench harness: what a case module imports (see bench/README.md)."""
from .spec import Case, Run, Targets, Tolerance

__all__ = ['Case', 'Run', 'Targets', 'Tolerance']
