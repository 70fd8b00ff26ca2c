"""The Processing provider "redline": one algorithm per redline job."""

from qgis.core import QgsProcessingProvider


class RedlineProvider(QgsProcessingProvider):
    def id(self):
        return "redline"

    def name(self):
        return "redline"

    def longName(self):  # noqa: N802 (QGIS's name)
        try:
            import redline
            return "redline %s (ecological red line analysis)" % redline.version()
        except ImportError:
            return "redline (the redline Python module is not installed)"

    def loadAlgorithms(self):  # noqa: N802 (QGIS's name)
        from .algorithms import ALGORITHMS
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())
