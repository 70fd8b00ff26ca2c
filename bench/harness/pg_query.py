#!/usr/bin/python3
"""Runs one SQL statement in a fresh PostgreSQL backend and prints JSON:
{"seconds": query wall time, "cpu_seconds": the backend's CPU time during the query,
 "peak_rss_mb": the backend's VmHWM, "rows": [[...], ...]}.

The backend is a separate process (not a child of the harness), so its peak memory is read from
/proc/<backend pid>/status after the query; parallel query is off so that it is the only one.
"""
import argparse
import json
import os
import time

import psycopg2


def vm_hwm_mb(pid):
    with open(f'/proc/{pid}/status') as f:
        for line in f:
            if line.startswith('VmHWM:'):
                return int(line.split()[1]) / 1024.0
    return None


def cpu_seconds(pid):
    """Returns the user + system time of process pid so far (/proc/<pid>/stat)."""
    with open(f'/proc/{pid}/stat') as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--dsn-from', required=True, help='file holding the libpq connection string')
    ap.add_argument('--sql', required=True)
    args = ap.parse_args()
    with open(args.dsn_from) as f:
        dsn = f.read().strip()
    connection = psycopg2.connect(dsn)
    with connection.cursor() as cursor:
        cursor.execute('SET max_parallel_workers_per_gather = 0')
        cursor.execute('SELECT pg_backend_pid()')
        pid = cursor.fetchone()[0]
        cpu_before = cpu_seconds(pid)
        start = time.perf_counter()
        cursor.execute(args.sql)
        rows = cursor.fetchall() if cursor.description else []
        seconds = time.perf_counter() - start
        cpu = cpu_seconds(pid) - cpu_before
    peak = vm_hwm_mb(pid)
    connection.close()
    print(json.dumps({'seconds': seconds, 'cpu_seconds': cpu, 'peak_rss_mb': peak,
                      'rows': [[_plain(v) for v in row] for row in rows]}, ensure_ascii=False))


def _plain(value):
    if isinstance(value, (int, float, str)) or value is None:
        return value
    try:
        return float(value)  # Decimal
    except (TypeError, ValueError):
        return str(value)


if __name__ == '__main__':
    main()
