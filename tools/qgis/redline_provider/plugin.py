"""The plugin object: registers the Processing provider, in QGIS and in qgis_process."""

from qgis.core import QgsApplication


class RedlinePlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None

    def initProcessing(self):  # noqa: N802 (QGIS's name)
        """Called by QGIS and by qgis_process (hasProcessingProvider=yes in metadata.txt)."""
        from .provider import RedlineProvider
        self.provider = RedlineProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 (QGIS's name)
        if self.provider is None:
            self.initProcessing()

    def unload(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
