"""One wrk run against one URL, as the load benchmarks measure every address
(and the static file they are compared with): the same client, warm-up and
figures, so a page and the static file from the same gunicorn compare."""

import re
import subprocess

import requests
from django.core.management import CommandError

WRK_MISSING = (
    "wrk findes ikke. Installer Debians pakke: sudo apt-get install -y wrk "
    "(se docs/deploy.md, afsnittet om benchmark)."
)
# wrk prints p50/75/90/99 with --latency; p95 and error counts come from this script.
SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format(
    "BENCH p50_us=%d p95_us=%d requests=%d duration_us=%d non2xx=%d errors=%d\\n",
    latency:percentile(50), latency:percentile(95), summary.requests, summary.duration,
    summary.errors.status, summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
"""
RESULT_RE = re.compile(
    r"BENCH p50_us=(\d+) p95_us=(\d+) requests=(\d+) duration_us=(\d+) non2xx=(\d+) errors=(\d+)"
)


def run_wrk(url: str, clients: int, duration: int, script: str) -> dict:
    """Median and p95 in ms, requests per second and failed answers of `url`
    under `clients` connections for `duration` seconds. `script` is a file
    holding SCRIPT."""
    for _ in range(3):  # warm up: renditions, the cache, the connection pool
        requests.get(url, timeout=10).raise_for_status()
    threads = min(clients, 2)
    completed = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{clients}", f"-d{duration}s", "--latency",
         "--timeout", "10s", "-s", script, url],
        capture_output=True,
        text=True,
        timeout=duration + 30,
        check=False,
    )  # fmt: skip
    match = RESULT_RE.search(completed.stdout)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", completed.stdout)
    if completed.returncode != 0 or not match or not rps:
        raise CommandError(f"wrk fejlede mod {url}:\n{completed.stdout}{completed.stderr}")
    p50, p95, count, _duration_us, non2xx, errors = (int(g) for g in match.groups())
    return {
        "median_ms": p50 / 1000,
        "p95_ms": p95 / 1000,
        "rps": float(rps.group(1)),
        "requests": count,
        "bad": non2xx + errors,
    }
