"""Running one command as a child and measuring it: wall time, CPU time and peak resident set.

CPU time and peak RSS come from GNU time (/usr/bin/time -f, Debian package `time`), which forks
the command and reads its rusage: ru_maxrss is the largest resident set of the command or of any
descendant it waited for, so a Python wrapper that runs a tool is measured as the larger of the
two, never as their sum. Why not os.wait4 on our own child: Linux keeps ru_maxrss across exec,
so a child forked from this Python process would start at this process's RSS (~20 MB), a floor
under every small tool; GNU time's own footprint is about 2 MB."""
import os
import subprocess
import time
from dataclasses import dataclass

GNU_TIME = '/usr/bin/time'  # Debian package `time`; bench/run installs it


@dataclass
class Measurement:
    exit_code: int
    seconds: float
    cpu_seconds: float  # user + system time of the child and the descendants it waited for
    peak_rss_mb: float
    stdout: str
    stderr_path: str = ''


def run_measured(cmd, cwd, stderr_path, env=None):
    """Runs cmd with stdout captured (through a file: outputs can be large) and stderr to
    stderr_path; returns its Measurement."""
    os.makedirs(os.path.dirname(stderr_path), exist_ok=True)
    stdout_path = stderr_path[:-len('.err')] + '.out' if stderr_path.endswith('.err') \
        else stderr_path + '.out'
    usage_path = stderr_path + '.rusage'
    full_env = dict(os.environ, **(env or {}))
    timed = [GNU_TIME, '-f', '%U %S %M', '-o', usage_path, '--'] + [str(c) for c in cmd]
    with open(stdout_path, 'wb') as out, open(stderr_path, 'wb') as err:
        start = time.perf_counter()
        exit_code = subprocess.run(timed, cwd=cwd, stdout=out, stderr=err,
                                   stdin=subprocess.DEVNULL, env=full_env).returncode
        seconds = time.perf_counter() - start
    with open(usage_path) as f:
        # A command killed by a signal adds a first line ("Command terminated by signal 9").
        user, system, max_rss_kb = f.read().split()[-3:]
    with open(stdout_path, encoding='utf-8', errors='replace') as f:
        stdout = f.read()
    return Measurement(exit_code, seconds, float(user) + float(system),
                       int(max_rss_kb) / 1024.0, stdout, stderr_path)


def warm_page_cache(paths):
    """Reads each file once so that no tool pays (or is spared) the first read from disk."""
    for path in paths:
        if os.path.isfile(path):
            with open(path, 'rb') as f:
                while f.read(1 << 22):
                    pass
