"""The machine's yardstick, and every figure a benchmark prints beside it.

The same story page took 12 ms on one machine of this workplace and 40 ms on
another; without a figure for the machine nobody could tell a slower machine
from slower code. So every time a benchmark prints is shown beside two
figures that follow the machine: the time in *yardsticks* (divided by what a
fixed piece of pure Python takes on one core here) and, where the benchmark
serves HTTP through gunicorn, as a multiple of the static file served by the
same server in the same run. A rate (hits per second) is shown per yardstick
(how many fit into one) and as a share of the static file's rate.

Absolute targets are stated for one named machine (REFERENCE_MACHINE) and
scaled to this one by the yardstick, so a run on a slower or busier machine
says whether the target holds instead of failing or passing by accident.
"""

from __future__ import annotations

import statistics
import time

# The machine the absolute targets (the feed's 30 ms, the pages' medians) are
# stated for, by its yardstick: CI's 2-core machine of this workplace, measured
# at load average 2.5 in December 2026. On a machine whose yardstick is twice
# this, a 30 ms target is held at 60 ms: the code is the same, the machine not.
REFERENCE_YARDSTICK_MS = 21.0
REFERENCE_MACHINE = "CI-maskinen (2 kerner, målestok 21 ms)"

EXPLANATION = (
    "målestokke: tiden delt med maskinens målestok; pr. målestok: hvor mange der når "
    "at blive færdige på én målestok; × statisk: tiden delt med den statiske fils fra "
    "samme gunicorn i samme kørsel; % af statisk: raten delt med den statiske fils."
)


def machine_yardstick_ms() -> float:
    """Milliseconds for a fixed piece of pure Python on one core (median of 7)."""
    times = []
    for _ in range(7):
        started = time.perf_counter()
        total = 0
        for number in range(1_000_000):
            total += number
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def target_here(target_ms: float, yardstick_ms: float) -> float:
    """A time target stated for REFERENCE_MACHINE, scaled to this machine's yardstick."""
    return target_ms * yardstick_ms / REFERENCE_YARDSTICK_MS


def rate_target_here(target_per_second: float, yardstick_ms: float) -> float:
    """A rate target (at least so many per second) stated for REFERENCE_MACHINE,
    scaled to this machine: a machine twice as slow is held at half the rate."""
    return target_per_second * REFERENCE_YARDSTICK_MS / yardstick_ms


def limit_here(reference_seconds: float, yardstick_ms: float, at_most: float = 4.0) -> float:
    """A time limit stated for REFERENCE_MACHINE, scaled to this machine.

    Never below the stated limit (a fast machine keeps the full limit), and at
    most `at_most` times it, so that a run on a very busy machine stays bounded."""
    scaled = target_here(reference_seconds, yardstick_ms)
    return min(max(scaled, reference_seconds), reference_seconds * at_most)


def target_text(target_ms: float, yardstick_ms: float) -> str:
    """'< 30 ms på CI-maskinen (...) = < 41.3 ms her', for a report line."""
    return (
        f"< {target_ms:g} ms på {REFERENCE_MACHINE} = < "
        f"{target_here(target_ms, yardstick_ms):.1f} ms her"
    )


def rate_target_text(target_per_second: float, unit: str, yardstick_ms: float) -> str:
    """'>= 1500 hits/s på CI-maskinen (...) = >= 1,050 hits/s her'."""
    here = rate_target_here(target_per_second, yardstick_ms)
    return f">= {target_per_second:,.0f} {unit} på {REFERENCE_MACHINE} = >= {here:,.0f} {unit} her"


def in_yardsticks(ms: float, yardstick_ms: float) -> str:
    """A time as a multiple of the yardstick, which travels between machines."""
    return f"{ms / yardstick_ms:.3f}"


def _multiple(ratio: float) -> str:
    """Three significant figures without an exponent: 0.0412, 1.24, 38.1, 5,857."""
    if ratio >= 100:
        return f"{ratio:,.0f}"
    if ratio >= 10:
        return f"{ratio:.1f}"
    if ratio >= 1:
        return f"{ratio:.2f}"
    return f"{ratio:.3g}"


def ms_figure(ms: float, yardstick_ms: float, static_ms: float | None = None) -> str:
    """'12.30 ms (0.586 målestokke, 4.1 × statisk)': a time beside what follows the machine."""
    beside = [f"{_multiple(ms / yardstick_ms)} målestokke"]
    if static_ms:
        beside.append(f"{ms / static_ms:.1f} × statisk")
    return f"{ms:.2f} ms ({', '.join(beside)})"


def seconds_figure(seconds: float, yardstick_ms: float) -> str:
    """'12.3 s (586 målestokke)'."""
    return f"{seconds:.1f} s ({_multiple(seconds * 1000 / yardstick_ms)} målestokke)"


def rate_figure(
    per_second: float, unit: str, yardstick_ms: float, static_per_second: float | None = None
) -> str:
    """'1,913 hits/s (40.2 pr. målestok, 31 % af statisk)'.

    Per yardstick: how many are done in the time the yardstick takes, which stays
    put when the machine is slower and the rate drops with it."""
    beside = [f"{_multiple(per_second * yardstick_ms / 1000)} pr. målestok"]
    if static_per_second:
        beside.append(f"{per_second / static_per_second:.0%} af statisk")
    return f"{per_second:,.1f} {unit} ({', '.join(beside)})"


def yardstick_line(yardstick_ms: float | None = None) -> str:
    if yardstick_ms is None:
        yardstick_ms = machine_yardstick_ms()
    return (
        f"Maskinens målestok: {yardstick_ms:.1f} ms for en fast stump ren Python "
        f"(1 kerne; lavere er hurtigere; {REFERENCE_MACHINE.split('(')[0].strip()} har "
        f"{REFERENCE_YARDSTICK_MS:g} ms). Sammenlign kun tal målt med samme målestok, "
        "eller tallene i målestokke og gange den statiske fil, som følger maskinen."
    )
