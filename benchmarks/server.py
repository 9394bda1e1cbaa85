"""What every benchmark needs to serve the portal on loopback: a free port and
to know when gunicorn answers. The machine's yardstick lives in
benchmarks/yardstick.py (imported here too, for the commands that import it
from here)."""

import socket
import sys
import time

import requests
from django.core.management import CommandError

from benchmarks.yardstick import (  # noqa: F401 - the benchmarks' shared names
    REFERENCE_MACHINE,
    REFERENCE_YARDSTICK_MS,
    in_yardsticks,
    machine_yardstick_ms,
    target_here,
    target_text,
    yardstick_line,
)

# The static file every benchmark serving the portal through gunicorn compares
# with: served by WhiteNoise from the same server, so it follows the machine.
STATIC_URL = "/static/css/site.css"

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
