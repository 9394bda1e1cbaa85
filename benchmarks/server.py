"""What every benchmark needs to serve the portal on loopback: a free port,
to know when gunicorn answers (30 seconds at most), and a yardstick for the
machine itself."""

import socket
import statistics
import sys
import time

import requests
from django.core.management import CommandError

STARTUP_SECONDS = 30


def gunicorn_command(port: int, *options: str, workers: int = 1) -> list[str]:
    """The portal under gunicorn on 127.0.0.1:`port`, as every benchmark serves it:
    the same server and log level, so their figures compare."""
    return [
        sys.executable, "-m", "gunicorn", "cms.wsgi",
        "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers),
        "--log-level", "warning",
        *options,
    ]  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_serving(base: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        try:
            # /healthz is never cached: the probe leaves nothing behind.
            requests.get(base + "/healthz", timeout=5)
            return
        except requests.RequestException:
            time.sleep(0.2)
    raise CommandError(f"gunicorn startede ikke inden for {STARTUP_SECONDS} sekunder.")


def machine_yardstick_ms() -> float:
    """Milliseconds for a fixed piece of pure Python on one core (median of 7).

    Printed with every benchmark: the same story page took 12 ms on one
    machine of this workplace and 40 ms on another, and without a figure for
    the machine nobody could tell a slower machine from slower code.
    """
    times = []
    for _ in range(7):
        started = time.perf_counter()
        total = 0
        for number in range(1_000_000):
            total += number
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def yardstick_line() -> str:
    return (
        f"Maskinens målestok: {machine_yardstick_ms():.0f} ms for en fast stump ren Python "
        "(1 kerne; lavere er hurtigere). Sammenlign kun tal målt med samme målestok."
    )
