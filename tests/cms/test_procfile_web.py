"""The Procfile's `web` line, run as written: a very long address reaches the
portal, which answers with its own Danish page, not gunicorn's English 414; a
reload (SIGHUP) swaps the workers without failing a request; and gunicorn's
per-user control socket is off, so two gunicorns never fight for it."""

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
def web(web_process):
    return web_process[0]


@pytest.fixture
def web_process(tmp_path):
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
        "WEB_CONCURRENCY": "2",
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
    yield base, process
    os.killpg(process.pid, 15)
    process.wait(timeout=30)


def test_a_5000_character_query_gets_the_portals_danish_page_not_gunicorns_414(web):
    # 5,000 ø's are 30,000 characters once encoded in the address.
    response = requests.get(f"{web}/search/", params={"query": "ø" * 5000}, timeout=30)
    assert response.status_code == 400
    assert "Søgningen må højst være 200 tegn." in response.text
    assert '<html lang="da"' in response.text


def test_a_reload_swaps_the_workers_and_every_request_is_answered(web_process):
    """How long requests wait through a HUP is measured in docs/deploy.md
    (14 s without --preload, 0.1 s with); here: none fails, the workers are new."""
    import signal
    import threading

    base, process = web_process
    master = _master(process)

    def workers() -> set[int]:
        return _children(master)

    deadline = time.monotonic() + 60  # bounded: the second worker may still be starting
    while len(workers()) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    before = workers()
    assert len(before) == 2
    answers = []
    done = threading.Event()

    def keep_asking():
        while not done.is_set():
            try:
                answers.append(requests.get(f"{base}/robots.txt", timeout=60).status_code)
            except requests.RequestException as error:
                answers.append(repr(error))

    asker = threading.Thread(target=keep_asking)
    asker.start()
    try:
        os.kill(master, signal.SIGHUP)
        deadline = time.monotonic() + 120  # bounded
        while time.monotonic() < deadline:
            now = workers()
            if len(now) == 2 and not now & before:
                break
            time.sleep(0.1)
        else:
            raise AssertionError("the workers were never replaced")
        settled = len(answers)
        while len(answers) < settled + 5:
            time.sleep(0.05)
    finally:
        done.set()
        asker.join(timeout=60)
    assert answers and set(answers) == {200}, set(answers)


def test_the_web_line_opens_no_control_socket(web_process):
    """gunicorn 27 listens on a per-user Unix socket unless told not to."""
    master = _master(web_process[1])
    inodes = set()
    for fd in Path(f"/proc/{master}/fd").iterdir():
        target = os.readlink(fd)
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    paths = [
        line.split()[-1]
        for line in Path("/proc/net/unix").read_text().splitlines()[1:]
        if len(line.split()) >= 8 and line.split()[6] in inodes
    ]
    assert not [p for p in paths if "gunicorn" in p], paths


def _children(pid: int) -> set[int]:
    return {int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}


def _master(process) -> int:
    """The gunicorn master: the shell of the Procfile line, or its one child."""
    argv0 = Path(f"/proc/{process.pid}/cmdline").read_text().split("\0")[0]
    if not argv0.endswith("sh"):  # the shell exec'd gunicorn
        return process.pid
    (master,) = _children(process.pid)
    return master
