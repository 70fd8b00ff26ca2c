"""redline's jobs as QGIS Processing algorithms: area, coverage, tabulate, drift and check.

Each algorithm passes its layers' source files to the redline Python module (import redline,
over the library's C API), so the figures are those of the redline CLI on the same files. A
layer that is not a plain file layer (a memory layer, a database layer, or a file layer with a
subset filter) is first exported to a temporary GeoPackage, so that redline measures what QGIS
shows. Progress goes to the Processing feedback; Cancel stops redline at its next progress point
and no output file is written.
"""

import json
import os
import tempfile

from qgis.core import (QgsProcessing, QgsProcessingAlgorithm, QgsProcessingContext,
                       QgsProcessingException, QgsProcessingOutputBoolean,
                       QgsProcessingOutputNumber, QgsProcessingOutputVectorLayer,
                       QgsProcessingParameterEnum, QgsProcessingParameterField,
                       QgsProcessingParameterFile, QgsProcessingParameterFileDestination,
                       QgsProcessingParameterNumber, QgsProcessingParameterVectorLayer,
                       QgsProviderRegistry, QgsVectorFileWriter, QgsVectorLayer)

METHODS = ["ellipsoidal", "survey", "planar"]
AREA_UNITS = ["ha", "m2", "mu", "wanmu", "km2"]
# Coverage measures lines by length: its first choice leaves the unit to the target's kind.
COVERAGE_UNITS = ["default (ha for polygons, km for lines)"] + AREA_UNITS + ["km", "m"]
JSON_FILTER = "JSON files (*.json)"
GPKG_FILTER = "GeoPackage (*.gpkg)"


def _redline():
    try:
        import redline
    except ImportError as e:
        raise QgsProcessingException(
            "the redline Python module is not installed (import redline: %s); install the "
            "redline package, which puts it in the system's Python path" % e)
    return redline


class _Run:
    """One run: its parameters, and a temporary folder for exported layers (the caller's,
    removed when the run ends, however it ends)."""

    def __init__(self, algorithm, parameters, context, feedback, temporary):
        self.algorithm = algorithm
        self.parameters = parameters
        self.context = context
        self.feedback = feedback
        self._temporary = temporary

    def layer(self, name):
        """(path, layer name or None, reading keywords) of the vector layer parameter `name`."""
        layer = self.algorithm.parameterAsVectorLayer(self.parameters, name, self.context)
        if layer is None or not layer.isValid():
            raise QgsProcessingException(self.algorithm.invalidSourceError(self.parameters, name))
        reading = {}
        if layer.providerType() == "ogr":
            parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
            path = parts.get("path") or ""
            layer_name = parts.get("layerName") or None
            has_index_only = parts.get("layerId") is not None and layer_name is None
            if os.path.isfile(path) and not layer.subsetString() and not has_index_only:
                encoding = layer.dataProvider().encoding()
                if path.lower().endswith((".shp", ".dbf")) and encoding and encoding != "System":
                    reading["encoding"] = encoding  # the encoding QGIS shows the attributes in
                return path, layer_name, reading
        return self._export(layer), None, reading

    def _export(self, layer):
        """Writes what QGIS shows of `layer` to a temporary GeoPackage for redline to read."""
        path = os.path.join(self._temporary, "layer%d.gpkg" % len(os.listdir(self._temporary)))
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = layer.name() or "layer"
        options.fileEncoding = "UTF-8"
        if self.feedback is not None:
            self.feedback.pushInfo("redline: %s is not a plain file layer; reading a copy (%s)"
                                   % (layer.name(), path))
        answer = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, path, self.context.transformContext(), options)
        if answer[0] != QgsVectorFileWriter.NoError:
            raise QgsProcessingException("%s: could not be copied to a GeoPackage for redline: %s"
                                         % (layer.name(), answer[1]))
        return path

    def progress(self):
        """The callable(stage, done, total) given to redline: progress and Cancel."""
        feedback = self.feedback
        if feedback is None:
            return None
        seen = set()

        def progress(stage, done, total):
            if stage not in seen:
                seen.add(stage)
                feedback.pushInfo("redline: %s" % stage)
            if total:
                feedback.setProgress(100.0 * done / total)
            return feedback.isCanceled()
        return progress

    def field(self, name):
        value = self.algorithm.parameterAsString(self.parameters, name, self.context)
        return value or None

    def enum(self, name, choices):
        return choices[self.algorithm.parameterAsEnum(self.parameters, name, self.context)]

    def file_output(self, name):
        value = self.algorithm.parameterAsFileOutput(self.parameters, name, self.context)
        return value or None

    def call(self, job, *args, **kwargs):
        """Runs redline.<job>, turning its errors into QgsProcessingException."""
        redline = _redline()
        try:
            return getattr(redline, job)(*args, progress=self.progress(), **kwargs)
        except redline.Cancelled:
            raise QgsProcessingException("cancelled: redline stopped and wrote no output")
        except redline.Error as e:
            raise QgsProcessingException("redline: %s" % e)

    def write_json(self, result):
        """Writes the result to the JSON output (if one was asked): a temporary name first,
        renamed when complete."""
        path = self.file_output("OUTPUT")
        if path is None:
            return None
        temporary = path + ".part"
        try:
            with open(temporary, "w", encoding="utf-8") as out:
                json.dump(result, out, ensure_ascii=False, indent=2)
                out.write("\n")
            os.replace(temporary, path)
        except OSError as e:
            if os.path.exists(temporary):
                os.remove(temporary)
            raise QgsProcessingException("%s: could not write the report: %s" % (path, e))
        return path

    def load_layers(self, gpkg, names, outputs):
        """Adds the layers redline wrote to `gpkg` to the project when the run completes, and
        returns their URIs as the outputs NAME_LAYER."""
        for layer_name in names:
            uri = "%s|layername=%s" % (gpkg, layer_name)
            if not QgsVectorLayer(uri, layer_name, "ogr").isValid():
                continue
            output = layer_name.upper() + "_LAYER"
            outputs[output] = uri
            details = QgsProcessingContext.LayerDetails(
                "%s: %s" % (self.algorithm.name(), layer_name), self.context.project(), output)
            self.context.addLayerToLoadOnCompletion(uri, details)


# Each algorithm's title and help (Processing Toolbox), by job.
TEXTS = {
    "area": (
        "Area (per group and in total)",
        "Areas of a polygon layer, in total and per group of an attribute, measured on the "
        "ellipsoid of the layer's CRS (as PostGIS geography) by default: redline area."),
    "coverage": (
        "Coverage (how much of a layer lies inside another)",
        "How much of each target feature lies inside the cover layer (e.g. the reserves "
        "within the red line): areas, or lengths for a line target, inside and outside, per "
        "group and in total; overlapping cover features count once: redline coverage. The "
        "optional GeoPackage receives the layers inside and outside, added to the project."),
    "tabulate": (
        "Tabulate (area of each class in each zone)",
        "The area of each class of the classes layer inside each zone, e.g. the land-use "
        "make-up (DLBM) of the red line: redline tabulate."),
    "drift": (
        "Drift (what changed between two versions)",
        "Area gained and lost between two versions of a layer, each split into real change "
        "and noise (slivers), area reclassified, and with a key the features added, removed "
        "and modified: redline drift. The optional GeoPackage receives the layers gained, "
        "lost and reclassified, added to the project."),
    "check": (
        "Check a rules file (the plan's indicators, pass or fail)",
        "Runs the checks of a redline rules file (.toml): each indicator with its value, "
        "threshold and pass/fail; PASSED is false when any fails: redline check. The "
        "optional HTML report is the page redline check --report writes."),
}


class _Algorithm(QgsProcessingAlgorithm):
    """What every redline algorithm shares: group, help, the JSON output."""

    JOB = ""  # the redline job, the algorithm's id; its title and help are in TEXTS

    def name(self):
        return self.JOB

    def displayName(self):  # noqa: N802 (QGIS's name)
        return TEXTS[self.JOB][0]

    def group(self):
        return "redline"

    def groupId(self):  # noqa: N802 (QGIS's name)
        return "redline"

    def shortHelpString(self):  # noqa: N802 (QGIS's name)
        return TEXTS[self.JOB][1]

    def createInstance(self):  # noqa: N802 (QGIS's name)
        return type(self)()

    def add_layer(self, name, title, *types):
        self.addParameter(QgsProcessingParameterVectorLayer(name, title, list(types)))

    def add_field(self, name, title, parent, optional=True):
        self.addParameter(QgsProcessingParameterField(
            name, title, parentLayerParameterName=parent, optional=optional))

    def add_gpkg_output(self, title):
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUT", title, GPKG_FILTER, optional=True, createByDefault=False))

    def add_method_unit(self, units=AREA_UNITS, default=0):
        self.addParameter(QgsProcessingParameterEnum(
            "METHOD", "Method (ellipsoidal: geodesic on the CRS's ellipsoid; survey: 椭球面积; "
            "planar: projected CRS only)", options=METHODS, defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum("UNIT", "Unit", options=units,
                                                     defaultValue=default))

    def add_json_output(self):
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", "Report (JSON, as redline --format json)", JSON_FILTER, optional=True,
            createByDefault=False))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        with tempfile.TemporaryDirectory(prefix="redline-qgis-") as temporary:
            outputs = self.run(_Run(self, parameters, context, feedback, temporary))
        return {name: value for name, value in outputs.items() if value is not None}


class AreaAlgorithm(_Algorithm):
    JOB = "area"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS's name)
        self.add_layer("INPUT", "Polygon layer", QgsProcessing.TypeVectorPolygon)
        self.add_field("BY", "Group by (e.g. HXLX)", "INPUT")
        self.add_method_unit()
        self.add_json_output()
        self.addOutput(QgsProcessingOutputNumber("TOTAL", "Total area (in the unit chosen)"))
        self.addOutput(QgsProcessingOutputNumber("FEATURES", "Features"))

    def run(self, run):
        path, layer, reading = run.layer("INPUT")
        result = run.call("area", path, layer=layer, by=run.field("BY"),
                          method=run.enum("METHOD", METHODS), unit=run.enum("UNIT", AREA_UNITS),
                          **reading)
        return {"TOTAL": result["total"], "FEATURES": result["features"],
                "OUTPUT": run.write_json(result)}


class CoverageAlgorithm(_Algorithm):
    JOB = "coverage"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS's name)
        self.add_layer("INPUT", "Target layer (measured)", QgsProcessing.TypeVectorPolygon,
                       QgsProcessing.TypeVectorLine)
        self.add_layer("WITHIN", "Cover layer (e.g. the red line)", QgsProcessing.TypeVectorPolygon)
        self.add_field("BY", "Group the targets by (e.g. BHDMC)", "INPUT")
        self.add_method_unit(COVERAGE_UNITS)
        self.addParameter(QgsProcessingParameterNumber(
            "SLIVER_WIDTH", "Sliver width (m): thinner overlaps are boundary noise",
            QgsProcessingParameterNumber.Double, defaultValue=0.05, minValue=0.0))
        self.add_gpkg_output("Inside and outside layers (GeoPackage)")
        self.add_json_output()
        for name, title in (("TOTAL", "Total (area or length)"), ("INSIDE", "Inside"),
                            ("OUTSIDE", "Outside"), ("PERCENT", "% inside")):
            self.addOutput(QgsProcessingOutputNumber(name, title))
        self.addOutput(QgsProcessingOutputVectorLayer("INSIDE_LAYER", "Inside"))
        self.addOutput(QgsProcessingOutputVectorLayer("OUTSIDE_LAYER", "Outside"))

    def run(self, run):
        target, layer, reading = run.layer("INPUT")
        cover, within_layer, cover_reading = run.layer("WITHIN")
        unit = run.enum("UNIT", COVERAGE_UNITS)
        out = run.file_output("OUT")
        reading.update({"within_" + key: value for key, value in cover_reading.items()})
        result = run.call("coverage", target, cover, layer=layer, within_layer=within_layer,
                          by=run.field("BY"), method=run.enum("METHOD", METHODS),
                          unit=None if unit == COVERAGE_UNITS[0] else unit,
                          sliver_width=run.algorithm.parameterAsDouble(
                              run.parameters, "SLIVER_WIDTH", run.context),
                          out=out, **reading)
        total = result["total"]
        measure = "length" if "length" in total else "area"
        outputs = {"TOTAL": total[measure], "INSIDE": total["inside"],
                   "OUTSIDE": total["outside"], "PERCENT": total["percent"],
                   "OUTPUT": run.write_json(result), "OUT": out}
        if out is not None:
            run.load_layers(out, ["inside", "outside"], outputs)
        return outputs


class TabulateAlgorithm(_Algorithm):
    JOB = "tabulate"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS's name)
        self.add_layer("ZONES", "Zones layer (e.g. the red line)", QgsProcessing.TypeVectorPolygon)
        self.add_field("ZONE_FIELD", "Zone field (empty: the whole layer is one zone)", "ZONES")
        self.add_layer("CLASSES", "Classes layer (e.g. land-use parcels)",
                       QgsProcessing.TypeVectorPolygon)
        self.add_field("CLASS_FIELD", "Class field (e.g. DLBM)", "CLASSES", optional=False)
        self.add_method_unit()
        self.add_json_output()

    def run(self, run):
        zones, layer, reading = run.layer("ZONES")
        classes, classes_layer, class_reading = run.layer("CLASSES")
        reading.update({"classes_" + key: value for key, value in class_reading.items()})
        result = run.call("tabulate", zones, classes, class_field=run.field("CLASS_FIELD"),
                          layer=layer, classes_layer=classes_layer,
                          zone_field=run.field("ZONE_FIELD"), method=run.enum("METHOD", METHODS),
                          unit=run.enum("UNIT", AREA_UNITS), **reading)
        return {"OUTPUT": run.write_json(result)}


class DriftAlgorithm(_Algorithm):
    JOB = "drift"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS's name)
        self.add_layer("BEFORE", "Earlier version", QgsProcessing.TypeVectorPolygon)
        self.add_layer("AFTER", "Later version", QgsProcessing.TypeVectorPolygon)
        self.add_field("KEY", "Key matching features across versions (e.g. BSM)", "BEFORE")
        self.add_field("CLASS_FIELD", "Class field whose change is reclassification (e.g. HXLX)",
                       "BEFORE")
        self.add_method_unit()
        self.add_gpkg_output("Gained, lost and reclassified layers (GeoPackage)")
        self.add_json_output()
        for name, title in (("BEFORE_AREA", "Area before"), ("AFTER_AREA", "Area after"),
                            ("DELTA", "Change (after - before)"), ("GAINED", "Gained"),
                            ("LOST", "Lost")):
            self.addOutput(QgsProcessingOutputNumber(name, title))
        for name in ("GAINED_LAYER", "LOST_LAYER", "RECLASSIFIED_LAYER"):
            self.addOutput(QgsProcessingOutputVectorLayer(name, name.split("_")[0].title()))

    def run(self, run):
        before, before_layer, reading = run.layer("BEFORE")
        after, after_layer, after_reading = run.layer("AFTER")
        if after_reading != reading:
            raise QgsProcessingException("the two versions are read with different encodings "
                                         "(%s, %s); redline drift reads both with one"
                                         % (reading.get("encoding"), after_reading.get("encoding")))
        out = run.file_output("OUT")
        result = run.call("drift", before, after, before_layer=before_layer,
                          after_layer=after_layer, key=run.field("KEY"),
                          class_field=run.field("CLASS_FIELD"), method=run.enum("METHOD", METHODS),
                          unit=run.enum("UNIT", AREA_UNITS), out=out, **reading)
        outputs = {"BEFORE_AREA": result["before"], "AFTER_AREA": result["after"],
                   "DELTA": result["delta"], "GAINED": result["gained"], "LOST": result["lost"],
                   "OUTPUT": run.write_json(result), "OUT": out}
        if out is not None:
            run.load_layers(out, ["gained", "lost", "reclassified"], outputs)
        return outputs


class CheckAlgorithm(_Algorithm):
    JOB = "check"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS's name)
        self.addParameter(QgsProcessingParameterFile(
            "RULES", "Rules file (.toml)", extension="toml"))
        self.addParameter(QgsProcessingParameterFileDestination(
            "REPORT", "Report (HTML)", "HTML files (*.html)", optional=True,
            createByDefault=False))
        self.add_gpkg_output("Pieces of the overlap, inside and gap checks (GeoPackage)")
        self.add_json_output()
        self.addOutput(QgsProcessingOutputBoolean("PASSED", "Every check passed"))
        self.addOutput(QgsProcessingOutputNumber("FAILED", "Checks failed"))

    def run(self, run):
        rules = run.algorithm.parameterAsFile(run.parameters, "RULES", run.context)
        report = run.file_output("REPORT")
        out = run.file_output("OUT")
        result = run.call("check", rules, report=report, out=out)
        failed = sum(1 for c in result.get("checks", []) if not c.get("passed"))
        if run.feedback is not None:  # a failed check is a result, as the CLI's exit code 1
            for c in result.get("checks", []):
                if c.get("passed"):
                    run.feedback.pushInfo("%s: passed" % c.get("name"))
                else:
                    run.feedback.pushWarning("%s: FAILED" % c.get("name"))
        return {"PASSED": bool(result["passed"]), "FAILED": failed,
                "OUTPUT": run.write_json(result), "REPORT": report, "OUT": out}


ALGORITHMS = [AreaAlgorithm, CoverageAlgorithm, TabulateAlgorithm, DriftAlgorithm, CheckAlgorithm]
