"""What every benchmark needs to serve the portal on loopback: a free port,
to know when gunicorn answers (30 seconds at most), and a yardstick for the
machine itself."""

import socket
import statistics
import sys
import time

import requests
from django.core.management import CommandError

STARTUP_SECONDS = 90  # gunicorn importing Wagtail on a busy 2-core machine took over 30 s


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


# The machine the absolute targets (the feed's 30 ms, the pages' medians) are
# stated for, by its yardstick: CI's 2-core machine of this workplace, measured
# at load average 2.5 in December 2026. On a machine whose yardstick is twice
# this, a 30 ms target is held at 60 ms: the code is the same, the machine not.
REFERENCE_YARDSTICK_MS = 21.0
REFERENCE_MACHINE = "CI-maskinen (2 kerner, målestok 21 ms)"


def target_here(target_ms: float, yardstick_ms: float) -> float:
    """A target stated for REFERENCE_MACHINE, scaled to this machine's yardstick."""
    return target_ms * yardstick_ms / REFERENCE_YARDSTICK_MS


def target_text(target_ms: float, yardstick_ms: float) -> str:
    """'< 30 ms på CI-maskinen (...) = < 41.3 ms her', for a report line."""
    return (
        f"< {target_ms:g} ms på {REFERENCE_MACHINE} = < "
        f"{target_here(target_ms, yardstick_ms):.1f} ms her"
    )


def in_yardsticks(ms: float, yardstick_ms: float) -> str:
    """A time as a multiple of the yardstick, which travels between machines."""
    return f"{ms / yardstick_ms:.3f}"


def yardstick_line(yardstick_ms: float | None = None) -> str:
    if yardstick_ms is None:
        yardstick_ms = machine_yardstick_ms()
    return (
        f"Maskinens målestok: {yardstick_ms:.1f} ms for en fast stump ren Python "
        f"(1 kerne; lavere er hurtigere; {REFERENCE_MACHINE.split('(')[0].strip()} har "
        f"{REFERENCE_YARDSTICK_MS:g} ms). Sammenlign kun tal målt med samme målestok, "
        "eller tallene i målestokke og gange den statiske fil, som følger maskinen."
    )
