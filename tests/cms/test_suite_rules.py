"""The suite's own rules, checked like the code's: a browser test waits for the
state it checks, never for time, so it passes on a loaded two-core machine; and
every run names its slowest tests."""

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
WAITS_FOR_TIME = re.compile(r"\b(wait_for_timeout|sleep)\s*\(")


def browser_test_files() -> list[Path]:
    return [TESTS / "browser.py", *sorted(TESTS.rglob("test_browser*.py"))]


def test_no_browser_test_waits_for_time():
    files = browser_test_files()
    assert len(files) > 3
    found = [
        f"{path.relative_to(TESTS)}:{number}: {line.strip()}"
        for path in files
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if WAITS_FOR_TIME.search(line)
    ]
    assert found == [], "wait for the state (expect, wait_for_*), never for time"


def test_every_run_prints_its_slowest_tests(pytestconfig):
    assert pytestconfig.getoption("durations") == 25
