"""bench_reach_hits is a check as well as a measurement: a count that differs
from what was sent, or a hit left unanswered, fails the command (exit status 1)
instead of printing "AFVIGER" and exiting 0 as it once did."""

import io

import pytest
from django.core.management import CommandError

from benchmarks.management.commands.bench_reach_hits import Command

SENT = {"raw_hits": 10, "views": 4, "visitors": 2}
STATIC = {"rps": 1000.0, "median_ms": 1.0, "p95_ms": 2.0}


def answered(**changes) -> dict:
    result = {
        "answered": 10, "failed": 0, "errors": 0, "lost": 0, "lost_on_purpose": 0,
        "duration_us": 1_000_000, "p50_us": 2000, "p95_us": 4000, "wall_s": 1.0,
    }  # fmt: skip
    return {**result, **changes}


def report(result: dict, counted: dict) -> str:
    out = io.StringIO()
    command = Command(stdout=out)
    command.lose = 0
    command.report("sqlite:///bench.sqlite3", 10, result, SENT, counted, 120, 1, 1, 2, STATIC, 21.0)
    return out.getvalue()


def test_every_hit_counted_once_passes():
    assert "Hvert hit er talt præcis én gang." in report(answered(), dict(SENT))


def test_a_stored_count_that_differs_from_what_was_sent_fails():
    with pytest.raises(CommandError, match="afviger"):
        report(answered(), {**SENT, "raw_hits": 9})


def test_a_lost_hit_fails_even_when_the_counts_agree():
    with pytest.raises(CommandError):
        report(answered(answered=9, errors=1, lost=1), dict(SENT))
