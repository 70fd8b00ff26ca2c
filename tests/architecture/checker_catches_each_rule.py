#!/usr/bin/env python3
"""scripts/check-architecture can fail: each fixture tree under tests/data/architecture/<case>/
breaks one rule (or none: clean_tree), and <case>/expected.txt holds the checker's exact
output for it (empty: the tree passes). Asserts exit code and output, case by case.

    checker_catches_each_rule.py SCRIPT FIXTURES_DIR
"""
import os
import subprocess
import sys

REQUIRED_CASES = {"upward_include", "geos_in_io", "transitive_geos", "public_json", "cycle",
                  "clean_tree", "c_api_floor"}


def main():
    script, fixtures = sys.argv[1], sys.argv[2]
    cases = sorted(name for name in os.listdir(fixtures)
                   if os.path.isfile(os.path.join(fixtures, name, "expected.txt")))
    failures = []
    missing = REQUIRED_CASES - set(cases)
    if missing:
        failures.append("fixtures missing: %s" % ", ".join(sorted(missing)))
    for case in cases:
        failures_before = len(failures)
        root = os.path.join(fixtures, case)
        with open(os.path.join(root, "expected.txt"), encoding="utf-8") as f:
            expected = [line for line in f.read().split("\n") if line]
        run = subprocess.run([sys.executable, script, "--root", root],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             universal_newlines=True, timeout=60)
        lines = [line for line in run.stdout.split("\n") if line]
        want_code = 1 if expected else 0
        if run.returncode != want_code:
            failures.append("%s: exit %d, expected %d\n  stdout: %s\n  stderr: %s"
                            % (case, run.returncode, want_code, run.stdout, run.stderr))
        elif expected:
            if lines != expected:
                failures.append("%s: output differs\n  got:\n    %s\n  expected:\n    %s"
                                % (case, "\n    ".join(lines), "\n    ".join(expected)))
        elif len(lines) != 1 or not lines[0].startswith("check-architecture: floors hold"):
            failures.append("%s: a clean tree gives one summary line, got: %r"
                            % (case, run.stdout))
        print("%s: %s" % (case, "ok" if len(failures) == failures_before else "FAILED"))
    for failure in failures:
        print("FAIL " + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
