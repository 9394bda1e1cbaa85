"""The benchmarks' yardstick arithmetic: a figure and its target travel between
machines only if the scaling and the printed ratios are right. Pure functions,
so no machine's speed enters the test."""

import pytest

from benchmarks.yardstick import (
    REFERENCE_YARDSTICK_MS,
    limit_here,
    ms_figure,
    rate_figure,
    rate_target_here,
    rate_target_text,
    seconds_figure,
    target_here,
    target_text,
)


def test_a_time_target_grows_with_a_slower_machine():
    assert target_here(30, REFERENCE_YARDSTICK_MS) == pytest.approx(30)
    assert target_here(30, REFERENCE_YARDSTICK_MS * 2) == pytest.approx(60)
    assert target_here(30, REFERENCE_YARDSTICK_MS / 2) == pytest.approx(15)
    assert target_text(30, REFERENCE_YARDSTICK_MS * 2).endswith("= < 60.0 ms her")


def test_a_rate_target_shrinks_with_a_slower_machine():
    assert rate_target_here(1500, REFERENCE_YARDSTICK_MS) == pytest.approx(1500)
    assert rate_target_here(1500, REFERENCE_YARDSTICK_MS * 2) == pytest.approx(750)
    assert rate_target_text(1500, "hits/s", REFERENCE_YARDSTICK_MS * 3).endswith(
        "= >= 500 hits/s her"
    )


def test_a_time_limit_is_never_shorter_than_stated_and_stays_bounded():
    assert limit_here(600, REFERENCE_YARDSTICK_MS / 2) == 600  # a fast machine keeps it
    assert limit_here(600, REFERENCE_YARDSTICK_MS * 1.5) == pytest.approx(900)
    assert limit_here(600, REFERENCE_YARDSTICK_MS * 10) == 2400  # four times at most
    assert limit_here(600, REFERENCE_YARDSTICK_MS * 10, at_most=2) == 1200


def test_a_time_is_shown_in_yardsticks_and_against_the_static_file():
    assert ms_figure(12.3, 20.5, static_ms=3.0) == "12.30 ms (0.6 målestokke, 4.1 × statisk)"
    assert ms_figure(410.0, 20.5) == "410.00 ms (20.0 målestokke)"
    assert ms_figure(0.33, 150.0) == "0.33 ms (0.0022 målestokke)"


def test_long_times_and_rates_are_shown_per_yardstick_without_exponents():
    assert seconds_figure(123.0, 21.0) == "123.0 s (5,857 målestokke)"
    assert rate_figure(1913.0, "hits/s", 21.0) == "1,913.0 hits/s (40.2 pr. målestok)"
    assert rate_figure(500.0, "hits/s", 21.0, static_per_second=2000.0) == (
        "500.0 hits/s (10.5 pr. målestok, 25% af statisk)"
    )
