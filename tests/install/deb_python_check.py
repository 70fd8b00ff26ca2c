"""`import redline` and the QGIS plugin from an unpacked Debian package of redline (run by
tests/install/deb_package.cmake after dpkg-deb -x; no root, nothing under /usr used but Python
and QGIS themselves).

    deb_python_check.py PREFIX PYTHON_DIR SAMPLE EXPECTED_JSON [QGIS_PLUGINS QGIS_PROCESS]

PREFIX is the unpacked usr/ folder, PYTHON_DIR the module's folder under it, EXPECTED_JSON the
build tree's `redline coverage SAMPLE --layer reserves --by BHDMC --within SAMPLE
--within-layer redline --format json`. Checks:
  - `redline` is imported from PREFIX/PYTHON_DIR, and the libredline it loads is PREFIX's;
  - redline.coverage(...) of the same job is the CLI's JSON, key for key and figure for figure;
  - with QGIS_PLUGINS (the unpacked share/qgis/python/plugins) and QGIS_PROCESS: qgis_process
    enables the packaged plugin in a temporary profile, and its redline:coverage gives the
    CLI's total, inside, outside and percent.
Exit 0 when all hold, 1 with the reasons otherwise.
"""

import json
import os
import subprocess
import sys
import tempfile


def under(path, folder):
    return os.path.realpath(path).startswith(os.path.realpath(folder) + os.sep)


def main():
    prefix, python_dir, sample, expected_path = sys.argv[1:5]
    plugins, qgis_process = (sys.argv[5:7] + [None, None])[:2]
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    failures = []

    import redline  # PYTHONPATH holds PREFIX/PYTHON_DIR only (the caller's environment)

    module_dir = os.path.join(prefix, python_dir)
    if not under(redline.__file__, module_dir):
        failures.append("redline was imported from %s, not from %s"
                        % (redline.__file__, module_dir))
    with open("/proc/self/maps", encoding="utf-8") as maps:
        loaded = {line.split()[-1] for line in maps if "libredline.so" in line}
    if not loaded or not all(under(path, prefix) for path in loaded):
        failures.append("the module loaded libredline from %s, not from %s"
                        % (sorted(loaded), prefix))

    got = redline.coverage(sample, sample, layer="reserves", within_layer="redline", by="BHDMC",
                           threads=2)
    if got != expected:
        failures.append("redline.coverage gave\n%s\nthe CLI\n%s"
                        % (json.dumps(got, ensure_ascii=False, indent=1),
                           json.dumps(expected, ensure_ascii=False, indent=1)))
    else:
        print("import redline (%s): coverage total %s" % (redline.__file__, got["total"]))

    if plugins:
        with tempfile.TemporaryDirectory(prefix="redline-deb-qgis-") as work:
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                       QGIS_CUSTOM_CONFIG_PATH=os.path.join(work, "profile"),
                       QGIS_PLUGINPATH=plugins, XDG_RUNTIME_DIR=work, HOME=work)

            def qgis(*args):
                done = subprocess.run([qgis_process, *args], env=env, capture_output=True,
                                      text=True, timeout=300)
                if done.returncode != 0:
                    failures.append("qgis_process %s: exit %d\n%s\n%s" % (
                        " ".join(args), done.returncode, done.stdout, done.stderr))
                return done

            if qgis("plugins", "enable", "redline_provider").returncode == 0:
                done = qgis("--json", "run", "redline:coverage", "--",
                            "INPUT=%s|layername=reserves" % sample,
                            "WITHIN=%s|layername=redline" % sample, "BY=BHDMC")
                if done.returncode == 0:
                    results = json.loads(done.stdout)["results"]
                    for output, key in (("TOTAL", "area"), ("INSIDE", "inside"),
                                        ("OUTSIDE", "outside"), ("PERCENT", "percent")):
                        if results.get(output) != expected["total"][key]:
                            failures.append("qgis_process redline:coverage %s: %r, the CLI %r" % (
                                output, results.get(output), expected["total"][key]))
                    print("qgis_process with the packaged plugin: coverage %s" % {
                        k: results.get(k) for k in ("TOTAL", "INSIDE", "PERCENT")})

    for failure in failures:
        print("FAILED: " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
