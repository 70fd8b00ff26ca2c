"""The QGIS Processing provider (tools/qgis/redline_provider) run headless by qgis_process, with
the built CLI as its oracle.

    qgis_process_test.py SOURCE_DIR CLI PYTHONPATH

qgis_process finds the plugin through QGIS_PLUGINPATH (the source folder tools/qgis) and enables
it in a temporary profile (QGIS_CUSTOM_CONFIG_PATH: the user's real profile is never read or
written). Checks: the five algorithms are listed; redline:coverage on the sample (the reserves
within the red line) returns the CLI's figures, writes the CLI's JSON and the GeoPackage's
inside/outside layers; drift's figures and JSON, tabulate's JSON and check's verdict, failure
count and HTML report are the CLI's; redline:area on a filtered layer (a subset string, which
redline cannot read from the file itself) gives the CLI's figure for that group; a bad rules
file fails with redline's message.

Exit 77 (CTest SKIP_RETURN_CODE) when qgis_process.bin is not installed. Debian's qgis_process
wrapper adds an option QGIS 3.22 rejects, so the .bin is run directly.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


def main():
    source, cli, pythonpath = sys.argv[1:4]
    qgis_process = shutil.which("qgis_process.bin") or "/usr/bin/qgis_process.bin"
    if not os.path.exists(qgis_process):
        print("SKIP: qgis_process.bin is not installed (Debian: qgis python3-qgis)")
        return SKIP
    if os.environ.get("REDLINE_SANITIZED_BUILD"):
        print("SKIP: a build with sanitizers (%s): QGIS and Qt are not built with them; the module "
              "the plugin stands on runs under them in Python.Module" % os.environ["REDLINE_SANITIZED_BUILD"])
        return SKIP
    sample = os.path.join(source, "samples", "huichang", "huichang.gpkg")
    work = tempfile.mkdtemp(prefix="redline-qgis-test-")
    try:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                   QGIS_CUSTOM_CONFIG_PATH=os.path.join(work, "profile"),
                   QGIS_PLUGINPATH=os.path.join(source, "tools", "qgis"),
                   PYTHONPATH=os.pathsep.join(filter(None, [pythonpath,
                                                            os.environ.get("PYTHONPATH")])),
                   XDG_RUNTIME_DIR=work, HOME=work)

        def qgis(*args, expect=0):
            done = subprocess.run([qgis_process, *args], env=env, capture_output=True, text=True,
                                  timeout=600)
            if done.returncode != expect:
                sys.exit("qgis_process %s: exit %d (expected %d)\n%s\n%s"
                         % (" ".join(args), done.returncode, expect, done.stdout, done.stderr))
            return done

        def run(algorithm, *parameters, expect=0):
            done = qgis("--json", "run", algorithm, "--", *parameters, expect=expect)
            return json.loads(done.stdout) if expect == 0 else done

        def oracle(*args):
            done = subprocess.run([cli, *args, "--format", "json"], capture_output=True, text=True)
            assert done.returncode == 0, done.stderr
            return json.loads(done.stdout)

        failures = []

        def expect_equal(what, got, expected, tolerance=0.0):
            if isinstance(expected, float):
                ok = abs(got - expected) <= tolerance * abs(expected)
            else:
                ok = got == expected
            if not ok:
                failures.append("%s: got %r, expected %r" % (what, got, expected))

        qgis("plugins", "enable", "redline_provider")
        listed = qgis("list").stdout
        for algorithm in ("area", "coverage", "tabulate", "drift", "check"):
            if "redline:%s\t" % algorithm not in listed:
                failures.append("redline:%s is not listed" % algorithm)

        # Coverage of the reserves within the red line: the CLI's figures.
        report = os.path.join(work, "coverage.json")
        gpkg = os.path.join(work, "coverage.gpkg")
        answer = run("redline:coverage", "INPUT=%s|layername=reserves" % sample,
                     "WITHIN=%s|layername=redline" % sample, "BY=BHDMC",
                     "OUTPUT=" + report, "OUT=" + gpkg)
        results = answer["results"]
        expected = oracle("coverage", sample, "--layer", "reserves", "--by", "BHDMC",
                          "--within", sample, "--within-layer", "redline")
        for output, key in (("TOTAL", "area"), ("INSIDE", "inside"), ("OUTSIDE", "outside"),
                            ("PERCENT", "percent")):
            expect_equal("coverage " + output, results[output], expected["total"][key])
        with open(report, encoding="utf-8") as f:
            expect_equal("coverage JSON report", json.load(f), expected)
        for layer in ("inside", "outside"):
            expect_equal("coverage %s layer" % layer, results.get(layer.upper() + "_LAYER"),
                         "%s|layername=%s" % (gpkg, layer))
        layers = subprocess.run(["ogrinfo", "-q", "-so", gpkg], capture_output=True, text=True)
        if "inside" not in layers.stdout or "outside" not in layers.stdout:
            failures.append("coverage GeoPackage lacks inside/outside:\n" + layers.stdout)

        # A filtered layer: redline reads an exported copy of what QGIS shows (one HXLX group).
        answer = run("redline:area", "INPUT=%s|layername=redline|subset=\"HXLX\" = '水源涵养'"
                     % sample, "UNIT=0")
        by_group = oracle("area", sample, "--layer", "redline", "--by", "HXLX")
        group = [g for g in by_group["groups"] if g["key"] == "水源涵养"]
        expect_equal("area of the filtered layer", answer["results"]["TOTAL"],
                     group[0]["area"] if group else float("nan"), 1e-12)
        expect_equal("features of the filtered layer", answer["results"]["FEATURES"],
                     group[0]["features"] if group else -1)

        # Drift, tabulate and check: their figures and JSON are the CLI's.
        drift_json = os.path.join(work, "drift.json")
        answer = run("redline:drift", "BEFORE=%s|layername=redline" % sample,
                     "AFTER=%s|layername=redline_2024" % sample, "KEY=BSM", "CLASS_FIELD=HXLX",
                     "OUTPUT=" + drift_json)
        expected = oracle("drift", sample, sample, "--before-layer", "redline", "--after-layer",
                          "redline_2024", "--key", "BSM", "--class-field", "HXLX")
        for output, key in (("BEFORE_AREA", "before"), ("AFTER_AREA", "after"),
                            ("DELTA", "delta"), ("GAINED", "gained"), ("LOST", "lost")):
            expect_equal("drift " + output, answer["results"][output], expected[key])
        with open(drift_json, encoding="utf-8") as f:
            expect_equal("drift JSON report", json.load(f), expected)

        tabulate_json = os.path.join(work, "tabulate.json")
        # The county as the zone: every parcel is near it, so the CLI (which streams the classes
        # and reports those it leaves out) reads them all, as the provider does.
        run("redline:tabulate", "ZONES=%s|layername=county" % sample, "ZONE_FIELD=XZQMC",
            "CLASSES=%s|layername=parcels" % sample, "CLASS_FIELD=DLBM", "UNIT=2",
            "OUTPUT=" + tabulate_json)
        expected = oracle("tabulate", sample, sample, "--layer", "county", "--zone-field", "XZQMC",
                          "--classes-layer", "parcels", "--class-field", "DLBM", "--unit", "mu")
        with open(tabulate_json, encoding="utf-8") as f:
            expect_equal("tabulate JSON report", json.load(f), expected)

        rules = os.path.join(source, "samples", "huichang", "indicators.toml")
        html = os.path.join(work, "report.html")
        answer = run("redline:check", "RULES=" + rules, "REPORT=" + html)
        done = subprocess.run([cli, "check", rules, "--format", "json"], capture_output=True,
                              text=True)
        expected = json.loads(done.stdout)
        expect_equal("check exit code of the CLI (the sample fails some checks)",
                     done.returncode, 1)
        expect_equal("check PASSED", answer["results"]["PASSED"], expected["passed"])
        expect_equal("check FAILED", answer["results"]["FAILED"],
                     sum(1 for c in expected["checks"] if not c["passed"]))
        if not os.path.isfile(html) or "<html" not in open(html, encoding="utf-8").read(2000):
            failures.append("check wrote no HTML report at " + html)

        # An error comes back as redline's one line.
        bad_rules = os.path.join(work, "bad.toml")
        with open(bad_rules, "w", encoding="utf-8") as f:
            f.write("[[check]]\nname = 'x'\nkind = 'no-such-kind'\n")
        done = run("redline:check", "RULES=" + bad_rules, expect=1)
        if "no-such-kind" not in done.stdout + done.stderr:
            failures.append("check with a bad rules file: redline's message is missing:\n"
                            + done.stdout + done.stderr)

        for failure in failures:
            print("FAILED: " + failure)
        print("qgis_process: %d failure(s)" % len(failures))
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
