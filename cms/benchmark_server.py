"""What every benchmark needs to serve the portal on loopback: a free port,
and to know when gunicorn answers. Bounded: 30 seconds at most."""

import socket
import time

import requests
from django.core.management import CommandError

STARTUP_SECONDS = 30


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_serving(base: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        try:
            requests.get(base + "/robots.txt", timeout=5)
            return
        except requests.RequestException:
            time.sleep(0.2)
    raise CommandError(f"gunicorn startede ikke inden for {STARTUP_SECONDS} sekunder.")
