"""Shared plumbing for browser tests: Debian's Chromium driven by Playwright.

Browsers are never downloaded (`playwright install` is off limits); the tests use
the system's /usr/bin/chromium. Without it or without Playwright the tests skip
locally, but fail on CI (CI=true), where a skipped browser test would hide a gap.
"""

import os
import shutil

import pytest

CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def _missing(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"Browsertest kan ikke køre på CI: {reason}")
    pytest.skip(reason)


def require_chromium() -> str:
    """Path to the system Chromium, or skip (fail on CI) when it or Playwright is missing."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _missing(
            "Python-pakken playwright er ikke installeret (pip install -r requirements-dev.txt)"
        )
    path = next((p for p in CHROMIUM_PATHS if os.path.exists(p)), None) or shutil.which("chromium")
    if not path:
        _missing("Chromium findes ikke (/usr/bin/chromium); installer Debians pakke 'chromium'")
    return path


@pytest.fixture
def browser_page(monkeypatch):
    """A fresh Playwright page in headless Chromium, closed after the test."""
    executable = require_chromium()
    # Playwright's sync API runs an event loop in this thread; Django refuses ORM
    # calls from such a context unless told the test knows what it is doing.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            yield page
        finally:
            browser.close()
            # While Playwright's event loop runs in this thread, Django keeps the
            # test's database connections apart from the thread's own (asgiref's
            # Local); pytest-django would never close them and could not drop
            # the test database at the end of the run.
            from django.db import connections

            connections.close_all()


ADMIN_TIMEOUT_MS = 30_000


def log_in_to_admin(page, base: str, username: str, password: str) -> None:
    """Log in through Wagtail's own login form, as a person would."""
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/", timeout=ADMIN_TIMEOUT_MS)
