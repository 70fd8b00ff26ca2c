"""`import redline` (tools/python) against its oracle, the built CLI: each function's dict must
equal `redline JOB ... --format json` for the same job on the sample county; errors by kind, with
the CLI's one-line message; GeoDataFrames give the figures of the files they came from; the GIL
is released; progress and cancel.

Run by CTest (tests/python/tests.cmake) with PYTHONPATH=<build>/python, REDLINE_CLI=<the built
redline> and REDLINE_SOURCE_DIR=<the source tree>.
"""

import hashlib
import json
import os
import signal
import subprocess
import tempfile
import threading
import time

import pytest

import redline

SOURCE = os.environ["REDLINE_SOURCE_DIR"]
CLI = os.environ["REDLINE_CLI"]
SAMPLE = os.path.join(SOURCE, "samples", "huichang", "huichang.gpkg")
RULES = os.path.join(SOURCE, "samples", "huichang", "indicators.toml")


def cli(*args, expect=(0,)):
    """The CLI's JSON for the same job (the oracle), and its exit code."""
    done = subprocess.run([CLI, *args, "--format", "json"], capture_output=True, text=True)
    assert done.returncode in expect, done.stderr
    return json.loads(done.stdout), done.returncode


def cli_error(*args):
    """The CLI's one-line error message (after "redline: error: ") and its exit code."""
    done = subprocess.run([CLI, *args], capture_output=True, text=True)
    lines = [line for line in done.stderr.splitlines() if line.startswith("redline: error: ")]
    assert len(lines) == 1, done.stderr
    return lines[0][len("redline: error: "):], done.returncode


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


# ---- the same dict as the CLI's JSON ---------------------------------------------------------

JOBS = {
    "area_by_group": (
        lambda: redline.area(SAMPLE, layer="redline", by="HXLX"),
        ["area", SAMPLE, "--layer", "redline", "--by", "HXLX"]),
    "area_features_mu": (
        lambda: redline.area(SAMPLE, layer="redline", unit="mu", features=True, id_field="BSM",
                             threads=1),
        ["area", SAMPLE, "--layer", "redline", "--unit", "mu", "--features", "--id-field", "BSM",
         "--threads", "1"]),
    "area_survey": (
        lambda: redline.area(SAMPLE, layer="reserves", method="survey", unit="km2"),
        ["area", SAMPLE, "--layer", "reserves", "--method", "survey", "--unit", "km2"]),
    "length": (
        lambda: redline.length(SAMPLE, layer="shoreline_line", by="GNFQ", unit="m"),
        ["length", SAMPLE, "--layer", "shoreline_line", "--by", "GNFQ", "--unit", "m"]),
    "coverage_features_sliver": (
        lambda: redline.coverage(SAMPLE, SAMPLE, layer="mines", within_layer="redline",
                                 features="all", id_field="KSMC", sliver_width=0.5),
        ["coverage", SAMPLE, "--layer", "mines", "--within", SAMPLE, "--within-layer", "redline",
         "--features", "all", "--id-field", "KSMC", "--sliver-width", "0.5"]),
    # The county as the zone: the CLI streams the classes and leaves out (and reports) those
    # away from every zone; near the county are all of them, so it reads them all, as the
    # module does: the same read report.
    "tabulate": (
        lambda: redline.tabulate(SAMPLE, SAMPLE, "DLBM", layer="county", classes_layer="parcels",
                                 zone_field="XZQMC", unit="mu"),
        ["tabulate", SAMPLE, SAMPLE, "--layer", "county", "--classes-layer", "parcels",
         "--class-field", "DLBM", "--zone-field", "XZQMC", "--unit", "mu"]),
    "drift": (
        lambda: redline.drift(SAMPLE, SAMPLE, before_layer="redline", after_layer="redline_2024",
                              key="BSM", class_field="HXLX", features=True),
        ["drift", SAMPLE, SAMPLE, "--before-layer", "redline", "--after-layer", "redline_2024",
         "--key", "BSM", "--class-field", "HXLX", "--features"]),
}
# Coverage of polygons (by area) and of lines (by length), grouped.
for _target, _by in (("reserves", "BHDMC"), ("shoreline_line", "GNFQ")):
    JOBS["coverage_" + _target] = (
        lambda target=_target, by=_by: redline.coverage(SAMPLE, SAMPLE, layer=target,
                                                        within_layer="redline", by=by),
        ["coverage", SAMPLE, "--layer", _target, "--by", _by, "--within", SAMPLE,
         "--within-layer", "redline"])


@pytest.mark.parametrize("name", sorted(JOBS))
def test_dict_equals_cli_json(name):
    call, args = JOBS[name]
    expected, _ = cli(*args)
    assert call() == expected


def test_tabulate_of_the_red_line_gives_the_clis_rows():
    # The CLI streams the parcels and leaves out (reports, unvalidated) those away from every
    # red-line polygon; the module is given the layer read whole. The read reports differ in
    # that note alone: every row and total must be the CLI's.
    got = redline.tabulate(SAMPLE, SAMPLE, "DLBM", layer="redline", classes_layer="parcels",
                           zone_field="HXLX", unit="mu")
    expected, _ = cli("tabulate", SAMPLE, SAMPLE, "--layer", "redline", "--classes-layer", "parcels",
                      "--class-field", "DLBM", "--zone-field", "HXLX", "--unit", "mu")
    assert expected["read"]["classes"].get("filtered_out", 0) > 0
    assert "filtered_out" not in got["read"]["classes"]
    assert got["rows"] == expected["rows"]
    assert {k: v for k, v in got.items() if k not in ("read", "notes")} == \
        {k: v for k, v in expected.items() if k not in ("read", "notes")}


def test_check_dict_equals_cli_json_and_says_it_failed():
    expected, code = cli("check", RULES, expect=(1,))  # the sample is built to fail some checks
    result = redline.check(RULES)
    assert result == expected
    assert result["passed"] is False
    verdicts = [c["passed"] for c in result["checks"]]
    assert any(verdicts) and not all(verdicts)


def test_check_map_writes_the_clis_numbered_maps_of_the_failing_checks(tmp_path):
    # The oracle: the CLI's own --map run on the same rules (its file names on stderr).
    (tmp_path / "cli").mkdir()
    (tmp_path / "py").mkdir()
    done = subprocess.run([CLI, "check", RULES, "--map", str(tmp_path / "cli" / "m.svg")],
                          capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    cli_maps = sorted(os.path.basename(line.rsplit("/", 1)[-1]) for line in done.stderr.splitlines()
                      if line.startswith("redline: map written: "))
    result = redline.check(RULES, map=str(tmp_path / "py" / "m.svg"))
    failing = [n for n, c in enumerate(result["checks"], start=1) if not c["passed"]]
    assert cli_maps == sorted("m-%d.svg" % n for n in failing)
    assert sorted(os.listdir(tmp_path / "py")) == cli_maps
    for name in cli_maps:  # the same drawing: SVG is byte-stable
        assert sha256(tmp_path / "py" / name) == sha256(tmp_path / "cli" / name)


def test_keyword_options_reach_the_job():
    # The same job with and without by= must differ: the keyword is not dropped on the way.
    plain = redline.area(SAMPLE, layer="redline")
    grouped = redline.area(SAMPLE, layer="redline", by="HXLX")
    assert "groups" in grouped and grouped.get("groups") != plain.get("groups")
    hectares = redline.area(SAMPLE, layer="redline")["total"]
    mu = redline.area(SAMPLE, layer="redline", unit="mu")["total"]
    assert mu == pytest.approx(hectares * 15, rel=1e-12)  # 1 ha = 15 亩


# ---- errors by kind --------------------------------------------------------------------------

def test_missing_file_is_an_input_error_with_the_cli_message(tmp_path):
    missing = str(tmp_path / "nowhere.gpkg")
    message, code = cli_error("area", missing)
    with pytest.raises(redline.InputError) as raised:
        redline.area(missing)
    e = raised.value
    assert code == 2
    assert isinstance(e, redline.Error) and e.kind == "input"
    assert str(e) == message
    assert e.file == missing
    assert not os.path.exists(missing)  # nothing was created


def test_unknown_layer_is_a_usage_error_with_the_cli_message():
    # redline counts a layer name the source lacks as a wrong setting (usage), as for a field.
    message, code = cli_error("area", SAMPLE, "--layer", "no_such_layer")
    with pytest.raises(redline.UsageError) as raised:
        redline.area(SAMPLE, layer="no_such_layer")
    assert code == 2
    assert str(raised.value) == message
    assert "no_such_layer" in str(raised.value)
    assert raised.value.file == SAMPLE


def test_an_invalid_polygon_names_its_file_layer_and_feature():
    # tests/data/io/bowtie.shp: feature 1 is a self-intersecting bow tie (tests/cli/cli_test.cpp).
    bowtie = os.path.join(SOURCE, "tests", "data", "io", "bowtie.shp")
    message, code = cli_error("area", bowtie, "--invalid", "fail")
    with pytest.raises(redline.InputError) as raised:
        redline.area(bowtie, invalid="fail")
    e = raised.value
    # The same reason; the advice after "; " names no CLI flag in the library's words.
    assert code == 2 and str(e).split("; ")[0] == message.split("; ")[0]
    assert "--invalid" in message and "--" not in str(e)
    assert (e.file, e.layer, e.feature) == (bowtie, "bowtie", 1)
    assert redline.area(bowtie, invalid="skip", method="planar", unit="m2")["total"] == 10000.0


def test_bad_unit_is_a_usage_error():
    with pytest.raises(redline.UsageError) as raised:
        redline.area(SAMPLE, layer="redline", unit="acre")
    assert raised.value.kind == "usage"
    assert "acre" in str(raised.value)


def test_unknown_keyword_is_a_usage_error_naming_it():
    with pytest.raises(redline.UsageError) as raised:
        redline.area(SAMPLE, layer="redline", colour="red")
    assert "colour" in str(raised.value)


def test_keyword_of_another_job_is_refused():
    with pytest.raises(redline.UsageError) as raised:
        redline.area(SAMPLE, layer="redline", class_field="DLBM")  # a tabulate option
    assert "class-field" in str(raised.value) or "class_field" in str(raised.value)


def test_a_line_layer_in_area_is_an_input_error():
    with pytest.raises(redline.InputError) as raised:
        redline.area(SAMPLE, layer="shoreline_line")
    assert "length" in str(raised.value)  # it names the other tool


def test_not_a_path_is_a_usage_error():
    with pytest.raises(redline.UsageError):
        redline.area(42)
    with pytest.raises(redline.UsageError):
        redline.area(SAMPLE, layer="redline", by={"HXLX": 1})


def test_output_onto_an_input_is_refused_and_the_input_is_untouched(tmp_path):
    copy = tmp_path / "sample.gpkg"
    copy.write_bytes(open(SAMPLE, "rb").read())
    before = sha256(copy)
    message, code = cli_error("coverage", str(copy), "--layer", "reserves", "--within", str(copy),
                              "--within-layer", "redline", "--out", str(copy))
    with pytest.raises(redline.UsageError) as raised:  # the CLI's exit code 2: a wrong setting
        redline.coverage(str(copy), str(copy), layer="reserves", within_layer="redline",
                         out=str(copy))
    assert code == 2
    assert str(raised.value) == message
    assert sha256(copy) == before
    assert sorted(os.listdir(tmp_path)) == ["sample.gpkg"]


def test_output_in_a_missing_folder_is_an_output_error(tmp_path):
    out = str(tmp_path / "no_such_folder" / "conflicts.gpkg")
    message, code = cli_error("coverage", SAMPLE, "--layer", "reserves", "--within", SAMPLE,
                              "--within-layer", "redline", "--out", out)
    with pytest.raises(redline.OutputError) as raised:
        redline.coverage(SAMPLE, SAMPLE, layer="reserves", within_layer="redline", out=out)
    assert code == 3
    assert str(raised.value) == message and raised.value.kind == "output"
    assert os.listdir(tmp_path) == []


def test_error_classes_form_one_family():
    for cls, kind in ((redline.UsageError, "usage"), (redline.InputError, "input"),
                      (redline.OutputError, "output"), (redline.InternalError, "internal"),
                      (redline.Cancelled, "cancelled")):
        assert issubclass(cls, redline.Error) and cls.kind == kind


# ---- GeoDataFrames ---------------------------------------------------------------------------

@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """A temporary folder of the test's own (other tests share /tmp): the module's temporary
    GeoPackages go there, so what is left behind can be seen."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_geodataframes_give_the_figures_of_their_files(private_tmp):
    geopandas = pytest.importorskip("geopandas")
    reserves = geopandas.read_file(SAMPLE, layer="reserves")
    red_line = geopandas.read_file(SAMPLE, layer="redline")
    seen = []  # what the temporary folder holds while redline works
    from_frames = redline.coverage(reserves, red_line, by="BHDMC",
                                   progress=lambda *_: seen.append(os.listdir(private_tmp)))
    assert seen and seen[0] and seen[0][0].startswith("redline-")
    from_file = redline.coverage(SAMPLE, SAMPLE, layer="reserves", within_layer="redline",
                                 by="BHDMC")
    assert os.listdir(private_tmp) == []  # the temporary GeoPackages are gone
    assert from_frames["total"] == pytest.approx(from_file["total"], rel=1e-12)
    assert [g["key"] for g in from_frames["groups"]] == [g["key"] for g in from_file["groups"]]
    for a, b in zip(from_frames["groups"], from_file["groups"]):
        assert a["area"] == pytest.approx(b["area"], rel=1e-12)
        assert a["inside"] == pytest.approx(b["inside"], rel=1e-12)
    text = json.dumps(from_frames, ensure_ascii=False)
    assert str(private_tmp) not in text  # no deleted file named
    assert "<GeoDataFrame>" in text

    # A frame and a path mixed, and area: the same figures again.
    assert redline.area(red_line, by="HXLX")["total"] == pytest.approx(
        redline.area(SAMPLE, layer="redline", by="HXLX")["total"], rel=1e-12)


def test_geodataframe_without_crs_is_refused_in_plain_words(private_tmp):
    geopandas = pytest.importorskip("geopandas")
    read = geopandas.read_file(SAMPLE, layer="reserves")
    frame = geopandas.GeoDataFrame(read.drop(columns="geometry"), geometry=list(read.geometry))
    assert frame.crs is None
    with pytest.raises(redline.InputError) as raised:
        redline.area(frame)
    assert "no CRS" in str(raised.value)
    assert os.listdir(private_tmp) == []


def test_geodataframe_is_removed_when_the_job_fails(private_tmp):
    geopandas = pytest.importorskip("geopandas")
    frame = geopandas.read_file(SAMPLE, layer="reserves")
    with pytest.raises(redline.UsageError) as raised:  # a field the layer lacks: a wrong setting
        redline.area(frame, by="NO_SUCH_FIELD")
    assert str(raised.value).startswith("<GeoDataFrame>: ")  # not the deleted temporary's path
    assert os.listdir(private_tmp) == []


# ---- the GIL, progress, cancel ---------------------------------------------------------------

def test_the_gil_is_released_during_the_work():
    # A Python thread notes the time as often as it can while redline works. With the GIL held
    # for the whole C call it could note nothing during it: its longest gap would be the call.
    stamps = []
    stop = threading.Event()

    def count():
        while not stop.is_set():
            stamps.append(time.monotonic())

    ticker = threading.Thread(target=count)
    ticker.start()
    try:
        time.sleep(0.05)
        start = time.monotonic()
        # The whole county's land use (about 0.8 s here): long against scheduling noise.
        redline.tabulate(SAMPLE, SAMPLE, "DLBM", layer="county", classes_layer="parcels",
                         threads=1)
        end = time.monotonic()
    finally:
        stop.set()
        ticker.join()
    # The call's start and end count as stamps: with the GIL held, the thread runs only in the
    # switch interval after the call, and the first gap is the whole call.
    during = [start] + [t for t in stamps if start <= t <= end] + [end]
    gaps = [b - a for a, b in zip(during, during[1:])]
    duration = end - start
    assert duration > 0.2, "the job is too short to tell (%.3f s)" % duration
    assert len(during) > 100
    assert max(gaps) < duration / 3, (max(gaps), duration)


def test_progress_is_called():
    calls = []
    redline.coverage(SAMPLE, SAMPLE, layer="reserves", within_layer="redline",
                     progress=lambda stage, done, total: calls.append((stage, done, total)))
    assert calls
    for stage, done, total in calls:
        assert isinstance(stage, str) and stage
        assert total == 0 or 0 <= done <= total


def test_cancel_stops_the_job_and_writes_nothing(tmp_path):
    out = tmp_path / "conflicts.gpkg"
    calls = []

    def cancel(stage, done, total):
        calls.append(stage)
        return True

    with pytest.raises(redline.Cancelled) as raised:
        redline.coverage(SAMPLE, SAMPLE, layer="reserves", within_layer="redline",
                         out=str(out), progress=cancel)
    assert raised.value.kind == "cancelled"
    assert len(calls) == 1  # stopped at the first progress point
    assert os.listdir(tmp_path) == []
    # The same job without cancel writes the file: the assertion above can fail.
    redline.coverage(SAMPLE, SAMPLE, layer="reserves", within_layer="redline", out=str(out))
    assert os.listdir(tmp_path) == ["conflicts.gpkg"]


class Stop(Exception):
    pass


def test_an_exception_in_progress_is_raised_as_itself(tmp_path):
    out = tmp_path / "drift.gpkg"

    def fail(stage, done, total):
        raise Stop("user's own exception at " + stage)

    with pytest.raises(Stop) as raised:
        redline.drift(SAMPLE, SAMPLE, before_layer="redline", after_layer="redline_2024",
                      out=str(out), progress=fail)
    assert "user's own exception" in str(raised.value)
    assert os.listdir(tmp_path) == []


def test_ctrl_c_stops_a_long_job_and_writes_nothing(tmp_path):
    # SIGINT arrives while the GIL is released: KeyboardInterrupt at the next progress point.
    out = tmp_path / "landuse.png"
    timer = threading.Timer(0.05, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    start = time.monotonic()
    try:
        with pytest.raises(KeyboardInterrupt):
            redline.tabulate(SAMPLE, SAMPLE, "DLBM", layer="redline", classes_layer="parcels",
                             threads=1, map=str(out))
            time.sleep(5)  # not reached when the job was interrupted
    finally:
        timer.cancel()
    assert time.monotonic() - start < 5
    assert os.listdir(tmp_path) == []


def test_progress_whose_answer_cannot_be_a_bool_raises_its_own_error():
    numpy = pytest.importorskip("numpy")
    with pytest.raises(ValueError, match="truth value"):
        redline.area(SAMPLE, layer="redline", progress=lambda s, d, t: numpy.array([1, 2]))


def test_format_is_refused_the_result_is_a_dict():
    with pytest.raises(redline.UsageError, match="format"):
        redline.area(SAMPLE, layer="redline", format="csv")


def test_progress_that_is_not_callable_is_a_usage_error():
    with pytest.raises(redline.UsageError):
        redline.area(SAMPLE, layer="redline", progress="yes")


def test_threads_run_at_once_and_agree():
    expected = redline.coverage(SAMPLE, SAMPLE, layer="reserves", within_layer="redline")
    results = [None] * 4

    def job(i):
        results[i] = redline.coverage(SAMPLE, SAMPLE, layer="reserves", within_layer="redline",
                                      threads=1)

    workers = [threading.Thread(target=job, args=(i,)) for i in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert results == [expected] * 4


# ---- help ------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["area", "length", "coverage", "tabulate", "drift", "check"])
def test_every_function_documents_units_defaults_and_errors(name):
    doc = getattr(redline, name).__doc__
    assert doc and "Returns:" in doc and "Raises:" in doc
    assert "--format json" in doc
