"""redline: the ecological conservation red line's areas, coverage and rules, from Python.

Each function runs one job of the ``redline`` command-line tool through the library's stable
C API and returns the dict that ``redline JOB ... --format json`` prints for the same job
(same keys, same unrounded figures)::

    >>> import redline
    >>> r = redline.coverage("huichang.gpkg", "huichang.gpkg",
    ...                      layer="reserves", within_layer="redline", by="BHDMC")
    >>> round(r["total"]["percent"], 2)
    72.22

Functions: area, length, coverage, tabulate, drift, check (and version).

Inputs: a path to any OGR source (shapefile, GeoPackage, FileGDB, ...; read-only, never
written), or a geopandas.GeoDataFrame (written to a temporary UTF-8 GeoPackage in its own CRS,
read, and removed; a frame without a CRS is refused).

Options: every keyword beyond the named ones is the CLI's long option with ``_`` for ``-``
(``id_field="BSM"`` is ``--id-field BSM``; ``features=True`` is ``--features``); ``redline JOB
--help`` documents them all. A keyword the job does not know raises UsageError. None means "not
given" (the CLI's default).

Errors: every failure raises a subclass of redline.Error (UsageError, InputError, OutputError,
InternalError, Cancelled) whose message is the one line the CLI prints after "redline: error: "
(its advice naming no flag), with .kind, .file, .layer and .feature.

Threads: the GIL is released while redline works, so other Python threads run; each call has
its own C context, so calls may run in several threads at once. Ctrl-C (KeyboardInterrupt)
stops a job at its next progress point, writing no output.
"""

import json as _json
import os as _os
import shutil as _shutil
import sys as _sys
import tempfile as _tempfile

from . import _redline

__all__ = ["area", "length", "coverage", "tabulate", "drift", "check", "version",
           "Error", "UsageError", "InputError", "OutputError", "InternalError", "Cancelled"]


# ---- errors --------------------------------------------------------------------------------

class Error(Exception):
    """A redline failure. str(error) is the one line the CLI prints after "redline: error: "
    ("FILE: layer L: feature N: what is wrong; what to do"), its advice in words that name no
    command-line flag.

    Attributes:
        kind: "usage", "input", "output", "internal" or "cancelled".
        file: the file the error names, or None.
        layer: the layer it names, or None.
        feature: the feature id (FID) it names, or None.
    """

    kind = "error"

    def __init__(self, message, file=None, layer=None, feature=None):
        super().__init__(message)
        self.message = message
        self.file = file or None
        self.layer = layer or None
        self.feature = feature if feature is not None and feature >= 0 else None


class UsageError(Error):
    """Options or arguments that make no sense: an unknown keyword, a bad unit or method, a
    value out of range (the CLI's exit code 2)."""
    kind = "usage"


class InputError(Error):
    """Input data that cannot be read or used: a missing file, an unknown layer or field, a
    broken geometry, a CRS that contradicts the coordinates, a GeoDataFrame without a CRS (the
    CLI's exit code 2)."""
    kind = "input"


class OutputError(Error):
    """An output (out=, map=, report=) that could not be written, or that would overwrite an
    input (the CLI's exit code 3). Nothing half-written is left behind."""
    kind = "output"


class InternalError(Error):
    """A dependency failed where it should not have, or memory ran out (exit code 4)."""
    kind = "internal"


class Cancelled(Error):
    """The progress callback returned a true value: the job stopped and wrote no output."""
    kind = "cancelled"


_ERROR_BY_KIND = {
    _redline.ERROR_USAGE: UsageError,
    _redline.ERROR_INPUT: InputError,
    _redline.ERROR_OUTPUT: OutputError,
    _redline.ERROR_INTERNAL: InternalError,
    _redline.ERROR_CANCELLED: Cancelled,
}


def version():
    """Returns the redline library's version, "MAJOR.MINOR.PATCH"."""
    return _redline.version()


if _redline.c_api_version() != _redline.HEADER_C_API_VERSION:  # a module built for another library
    raise ImportError("redline: this module was built for C API version %d but libredline has %d; "
                      "rebuild the module against the installed library"
                      % (_redline.HEADER_C_API_VERSION, _redline.c_api_version()))


# ---- options -------------------------------------------------------------------------------

# The keys with which a layer is read (redline_layer_read); the rest go to the job.
_READING_KEYS = ("layer", "assume_crs", "trust_crs", "encoding", "invalid", "repair_tolerance")


def _option_value(name, value):
    """One keyword's value as the C API's text; a list gives one value per element."""
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, (list, tuple)):
        return [v for item in value for v in _option_value(name, item)]
    if isinstance(value, (str, int, float)) or hasattr(value, "__fspath__"):
        return [_os.fspath(value) if hasattr(value, "__fspath__") else str(value)]
    raise UsageError("%s=%r: expected text, a number, True/False or a path, not %s"
                     % (name, value, type(value).__name__))


def _pairs(options):
    """[(cli-key, text), ...] of the keywords given (None = not given)."""
    pairs = []
    for name, value in options.items():
        if value is None:
            continue
        key = name.replace("_", "-")
        pairs.extend((key, text) for text in _option_value(name, value))
    return pairs


def _split_reading(options, prefix):
    """Takes the reading keywords of one input out of `options` (prefix "" for the first
    input, e.g. "within_" for coverage's cover), returns them by their plain names."""
    reading = {}
    for key in _READING_KEYS:
        name = prefix + key
        if name in options:
            reading[key] = options.pop(name)
    return reading


# ---- inputs: paths and GeoDataFrames -------------------------------------------------------

_FRAME_NAME = "<GeoDataFrame>"


def _is_geodataframe(obj):
    geopandas = _sys.modules.get("geopandas")  # a frame exists only if geopandas is imported
    return geopandas is not None and isinstance(obj, geopandas.GeoDataFrame)


class _Inputs:
    """Turns each input into a path the C library reads: a path as given; a GeoDataFrame
    written to a temporary GeoPackage, removed when the job is done (always)."""

    def __init__(self):
        self._temporary = None
        self.frames = {}   # temporary path -> name to show instead

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self._temporary is not None:
            _shutil.rmtree(self._temporary, ignore_errors=True)
        return False

    def path(self, what, source, reading):
        if _is_geodataframe(source):
            return self._write_frame(what, source, reading)
        if isinstance(source, (str, bytes)) or hasattr(source, "__fspath__"):
            path = _os.fsdecode(_os.fspath(source))
            if not path:
                raise UsageError("%s: an empty path" % what)
            return path
        raise UsageError("%s: expected a path or a geopandas.GeoDataFrame, not %s"
                         % (what, type(source).__name__))

    def _write_frame(self, what, frame, reading):
        for key in ("layer", "encoding"):
            if reading.get(key) is not None:
                raise UsageError("%s: %s= applies to a file; a GeoDataFrame is one layer, in UTF-8"
                                 % (what, key))
        if frame.crs is None:
            raise InputError("%s: the GeoDataFrame has no CRS, so its areas cannot be measured; "
                             "set one first, e.g. frame.set_crs('EPSG:4527')" % what)
        if self._temporary is None:
            self._temporary = _tempfile.mkdtemp(prefix="redline-")
        path = _os.path.join(self._temporary, "frame%d.gpkg" % len(self.frames))
        try:
            frame.to_file(path, driver="GPKG", layer="frame", encoding="utf-8")
        except Exception as e:  # geopandas/fiona say why in their own words
            raise InputError("%s: the GeoDataFrame could not be written to a GeoPackage for "
                             "reading: %s" % (what, e)) from e
        self.frames[path] = _FRAME_NAME
        return path


def _rename_frames(value, frames):
    """The result with each temporary GeoPackage's path replaced by "<GeoDataFrame>"."""
    if not frames:
        return value
    if isinstance(value, str):
        for path, name in frames.items():
            value = value.replace(path, name)
        return value
    if isinstance(value, list):
        return [_rename_frames(v, frames) for v in value]
    if isinstance(value, dict):
        return {k: _rename_frames(v, frames) for k, v in value.items()}
    return value


def _run(job, sources, options, progress):
    """Runs one job: sources is [(what, source, reading options)]; returns the JSON dict."""
    for name in ("format", "bom"):
        if name in options:
            raise UsageError("%s=: the functions return the JSON as a dict; %s chooses the "
                             "CLI's printed text, which they do not print" % (name, name))
    if progress is not None and not callable(progress):
        raise UsageError("progress=%r: expected a callable(stage, done, total)" % (progress,))
    threads = options.get("threads")
    with _Inputs() as inputs:
        native_inputs = []
        for what, source, reading in sources:
            if job == "check":
                if _is_geodataframe(source):
                    raise UsageError("rules_path: expected the path of a rules file (.toml), "
                                     "not a GeoDataFrame")
                native_inputs.append((inputs.path(what, source, {}), []))
                continue
            path = inputs.path(what, source, reading)
            if path in inputs.frames:
                reading = {k: v for k, v in reading.items() if k not in ("layer", "encoding")}
            reading_pairs = _pairs(dict(reading, threads=threads))
            native_inputs.append((path, reading_pairs))
        status, text, error = _redline.run(job, native_inputs, _pairs(options), progress)
    if error is not None:
        kind, message, file, layer, feature = error
        cls = _ERROR_BY_KIND.get(kind, InternalError)
        message = _rename_frames(message, inputs.frames)
        file = _rename_frames(file, inputs.frames)
        raise cls(message, file, layer, feature)
    return _rename_frames(_json.loads(text), inputs.frames)


# ---- jobs ----------------------------------------------------------------------------------

def area(path, layer=None, by=None, method="ellipsoidal", unit="ha", *, progress=None, **options):
    """Areas of a polygon layer: per feature, per group and in total (``redline area``).

    Args:
        path: the layer's source (shapefile, GeoPackage, FileGDB, any OGR source), or a
            geopandas.GeoDataFrame with a CRS.
        layer: the layer to read when the source has several (GeoPackage, FileGDB).
        by: attribute to group areas by (e.g. "HXLX", "DLBM").
        method: "ellipsoidal" (default: geodesic area on the CRS's ellipsoid, as PostGIS
            geography), "survey" (land-survey 椭球面积 trapezoids) or "planar" (projected CRS only).
        unit: "ha" (default), "m2", "mu" (亩), "wanmu" (万亩) or "km2"; Chinese names accepted.
        progress: callable(stage, done, total), called during the work; return True to cancel
            (raises Cancelled), raise to stop with your own exception.
        **options: the CLI's other options with "_" for "-": features=True (list every
            feature), id_field="BSM" (name features), threads=N (default: all cores), and the
            reading options assume_crs="EPSG:4527", trust_crs=True, encoding="GBK",
            invalid="repair|repair-strict|skip|fail", repair_tolerance=1.0 (percent).

    Returns:
        The dict of ``redline area ... --format json``: {"unit", "method", "total", "features",
        "groups": [{"key", "area", ...}], ...}, areas in `unit`, unrounded.

    Raises:
        InputError: unreadable source, unknown layer or field, a line layer (use length),
            a CRS that contradicts the coordinates.
        UsageError: a bad unit or method, an unknown keyword.
        Cancelled: progress returned True.
    """
    reading = _split_reading(options, "")
    reading["layer"] = layer
    options.update(by=by, method=method, unit=unit)
    return _run("area", [("path", path, reading)], options, progress)


def length(path, layer=None, by=None, method="ellipsoidal", unit="km", *, progress=None, **options):
    """Lengths of a line layer: per feature, per group and in total (``redline length``).

    Args:
        path: the line layer's source (any OGR source), or a geopandas.GeoDataFrame with a CRS.
        layer: the layer to read when the source has several.
        by: attribute to group lengths by (e.g. "GNFQ").
        method: "ellipsoidal" (default: geodesic segments on the CRS's ellipsoid) or "planar"
            (projected CRS only).
        unit: "km" (default) or "m"; 公里 and 米 accepted.
        progress: callable(stage, done, total); return True to cancel (raises Cancelled).
        **options: features=True, id_field="BSM", threads=N and the reading options
            (assume_crs, trust_crs, encoding, invalid, repair_tolerance) as for area().

    Returns:
        The dict of ``redline length ... --format json``: {"unit", "method", "total",
        "features", "groups": [{"key", "features", "length"}], ...}, lengths in `unit`.

    Raises:
        InputError: unreadable source, a polygon layer (use area), ...; UsageError: a bad
        unit or method, an unknown keyword; Cancelled.
    """
    reading = _split_reading(options, "")
    reading["layer"] = layer
    options.update(by=by, method=method, unit=unit)
    return _run("length", [("path", path, reading)], options, progress)


def coverage(target, within, layer=None, within_layer=None, by=None, method="ellipsoidal",
             unit=None, *, progress=None, **options):
    """How much of each target feature lies inside a cover layer (``redline coverage``).

    Inside means within the union of the cover: overlapping cover features count once (never
    above 100 %), features that only touch the cover have 0 inside, and overlaps thinner than
    sliver_width (0.05 m) are boundary noise counted as outside. A line target (shoreline) is
    measured by length inside the interior of the cover.

    Args:
        target: the layer measured (reserves, mines, shoreline, ...): a path or a GeoDataFrame.
        within: the cover layer (e.g. the red line): a path or a GeoDataFrame.
        layer: the target's layer when its source has several.
        within_layer: the cover's layer when its source has several.
        by: target attribute to group by (e.g. "BHDMC", "GNFQ").
        method: "ellipsoidal" (default), "survey" or "planar".
        unit: None for the default ("ha" for polygons, "km" for lines), or "m2", "ha", "mu",
            "wanmu", "km2" (polygons), "m", "km" (lines).
        progress: callable(stage, done, total); return True to cancel (raises Cancelled and
            writes no out= or map= file).
        **options: the CLI's options with "_" for "-": id_field, features ("none", "inside",
            "all"), sliver_width (metres, default 0.05), crs (the CRS to overlay in), grid
            (precision grid in CRS units; default 0.001 m), out="conflicts.gpkg" (layers
            inside/outside), map="coverage.png|svg|pdf", threads; the target's reading options
            (assume_crs, trust_crs, encoding, invalid, repair_tolerance) and the cover's with a
            within_ prefix (within_assume_crs, within_encoding, ...).

    Returns:
        The dict of ``redline coverage ... --format json``: {"unit", "method", "total": {"area",
        "inside", "outside", "percent"}, "groups": [...], ...} ("length" for line targets).

    Raises:
        InputError: an unreadable layer, unknown field, a CRS the layers cannot share;
        UsageError: a bad unit or option, an unknown keyword; OutputError: out=/map= cannot be
        written or is an input; Cancelled.
    """
    reading = _split_reading(options, "")
    reading["layer"] = layer
    cover_reading = _split_reading(options, "within_")
    cover_reading["layer"] = within_layer
    options.update(by=by, method=method, unit=unit)
    return _run("coverage", [("target", target, reading), ("within", within, cover_reading)],
                options, progress)


def tabulate(zones, classes, class_field, layer=None, classes_layer=None, zone_field=None,
             method="ellipsoidal", unit="ha", *, progress=None, **options):
    """The area of each class inside each zone, e.g. the land-use make-up of the red line
    (``redline tabulate``).

    Args:
        zones: the zones layer (e.g. the red line): a path or a GeoDataFrame.
        classes: the classes layer (e.g. land-use parcels): a path or a GeoDataFrame.
        class_field: the classes' attribute naming the classes (e.g. "DLBM"); required.
        layer: the zones' layer when its source has several.
        classes_layer: the classes' layer when its source has several.
        zone_field: the zones' attribute naming the zones (e.g. "HXLX"); default: the whole
            layer is one zone.
        method: "ellipsoidal" (default), "survey" or "planar".
        unit: "ha" (default), "m2", "mu", "wanmu" or "km2".
        progress: callable(stage, done, total); return True to cancel (raises Cancelled).
        **options: crs, grid, map="landuse.png", threads, the zones' reading options
            (assume_crs, ...) and the classes' with a classes_ prefix (classes_encoding, ...).

    Returns:
        The dict of ``redline tabulate ... --format json``.

    Raises:
        InputError, UsageError, OutputError, Cancelled (see redline.Error).
    """
    reading = _split_reading(options, "")
    reading["layer"] = layer
    class_reading = _split_reading(options, "classes_")
    class_reading["layer"] = classes_layer
    options.update(class_field=class_field, zone_field=zone_field, method=method, unit=unit)
    return _run("tabulate", [("zones", zones, reading), ("classes", classes, class_reading)],
                options, progress)


def drift(before, after, layer=None, before_layer=None, after_layer=None, key=None,
          class_field=None, method="ellipsoidal", unit="ha", *, progress=None, **options):
    """What changed between two versions of a layer (``redline drift``): area gained and lost,
    each split into real change and noise (slivers), reclassified area, and with key= the
    features added, removed and modified.

    Args:
        before: the earlier version: a path or a GeoDataFrame.
        after: the later version: a path or a GeoDataFrame.
        layer: the layer of both sources when they have several.
        before_layer: the layer of `before` (overrides layer).
        after_layer: the layer of `after` (overrides layer).
        key: attribute matching features across versions (e.g. "BSM").
        class_field: attribute whose change is reclassification (e.g. "HXLX").
        method: "ellipsoidal" (default), "survey" or "planar".
        unit: "ha" (default), "m2", "mu", "wanmu" or "km2".
        progress: callable(stage, done, total); return True to cancel (raises Cancelled and
            writes no out= or map= file).
        **options: sliver_width (metres, default 0.5), sliver_area (m², default 1), fast_shift
            (metres, default 0.02), grid (metres, default 1e-6), features=True,
            out="drift.gpkg" (layers gained, lost, reclassified), map="drift.png", threads, and
            the reading options of both (assume_crs, trust_crs, encoding, invalid,
            repair_tolerance).

    Returns:
        The dict of ``redline drift ... --format json``.

    Raises:
        InputError, UsageError, OutputError, Cancelled (see redline.Error).
    """
    reading = _split_reading(options, "")
    before_reading = dict(reading, layer=before_layer if before_layer is not None else layer)
    after_reading = dict(reading, layer=after_layer if after_layer is not None else layer)
    options.update(key=key, class_field=class_field, method=method, unit=unit)
    return _run("drift", [("before", before, before_reading), ("after", after, after_reading)],
                options, progress)


def check(rules_path, *, progress=None, **options):
    """Runs the checks of a rules file (``redline check RULES.toml``): the plan's indicators,
    each pass or fail.

    A check that fails is a result, not an exception: the dict's "passed" is False (and each
    entry of "checks" has its own "passed"), as in the CLI's JSON, whose exit code is then 1.

    Args:
        rules_path: the rules file (.toml); the layers are read as it says.
        progress: callable(stage, done, total); return True to cancel (raises Cancelled and
            writes no out= or report= file).
        **options: deliveries="folder" (run on every delivery in it), delivery="path" (the one
            delivery replacing {delivery}), title, unit, method, threads, out="pieces.gpkg"
            (the pieces of the overlap, inside and gap checks), report="report.html" (the HTML
            report, with the failed checks' maps), and the reading options for every layer
            (assume_crs, trust_crs, encoding, invalid, repair_tolerance).

    Returns:
        The dict of ``redline check RULES --format json``: {"passed": bool, "checks": [{"name",
        "kind", "passed", "value", "threshold", "unit", "margin", ...}]}.

    Raises:
        InputError: an unreadable or malformed rules file or layer; UsageError: a bad option or
        unknown keyword; OutputError: out=/report= cannot be written; Cancelled.
    """
    return _run("check", [("rules_path", rules_path, {})], options, progress)
