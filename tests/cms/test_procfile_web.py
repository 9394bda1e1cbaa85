"""The Procfile's `web` line, run as written: a very long address reaches the
portal, which answers with its own Danish page, not gunicorn's English 414."""

import os
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings as django_settings
from django.db import connection

from tests.factories import home_page

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not django_settings.USES_POSTGRES,
        reason="gunicorn's workers share the test database, which SQLite keeps in memory "
        "(the PostgreSQL pass of .ci/run covers it).",
    ),
]


def _procfile_command(name: str) -> str:
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith(f"{name}:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"Procfile has no {name} line")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def web(tmp_path):
    """gunicorn started by the Procfile's own line, on this test's database."""
    home_page()
    db = connection.settings_dict
    port = _free_port()
    env = {
        **os.environ,
        "PATH": f"{ROOT / '.venv' / 'bin'}:{os.environ['PATH']}",
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": (
            f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        ),
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "WEB_CONCURRENCY": "1",
    }
    log = (tmp_path / "web.log").open("w")
    process = subprocess.Popen(
        ["sh", "-c", _procfile_command("web")],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120  # bounded; a loaded machine boots a worker slowly
    while time.monotonic() < deadline:
        try:
            requests.get(f"{base}/robots.txt", timeout=30)
            break
        except (requests.ConnectionError, requests.Timeout):
            assert process.poll() is None, (tmp_path / "web.log").read_text()
            time.sleep(0.2)
    else:
        raise AssertionError("gunicorn never answered: " + (tmp_path / "web.log").read_text())
    yield base
    os.killpg(process.pid, 15)
    process.wait(timeout=30)


def test_a_5000_character_query_gets_the_portals_danish_page_not_gunicorns_414(web):
    # 5,000 ø's are 30,000 characters once encoded in the address.
    response = requests.get(f"{web}/search/", params={"query": "ø" * 5000}, timeout=30)
    assert response.status_code == 400
    assert "Søgningen må højst være 200 tegn." in response.text
    assert '<html lang="da"' in response.text
