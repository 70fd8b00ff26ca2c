"""QGIS plugin: redline's jobs as a Processing provider (id "redline")."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    """QGIS calls this to load the plugin (iface is None under qgis_process)."""
    from .plugin import RedlinePlugin
    return RedlinePlugin(iface)
