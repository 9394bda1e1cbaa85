"""Running the portal's commands as an operator does: separate processes, own databases."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]
MANAGE = ROOT / "manage.py"
PROBE = Path(__file__).with_name("portal_probe.py")
POSTGRES_URL = os.environ.get("POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")
TIMEOUT = 900


def portal_env(database_url: str, folder: Path) -> dict:
    """A portal of its own: database, media, var and backups under `folder`; no
    Redis or S3, so nothing it does reaches the suite's own services."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "TASK_BACKEND", "AWS_STORAGE_BUCKET_NAME", "BACKUP_S3_BUCKET"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(folder / "media"),
        VAR_DIR=str(folder / "var"),
        BACKUP_DIR=str(folder / "backups"),
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
    )
    return env


def _run(what: str, command: list[str], env: dict) -> subprocess.CompletedProcess:
    result = subprocess.run(
        command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT
    )
    if result.returncode != 0:
        pytest.fail(f"{what} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


def manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    return _run(f"manage.py {' '.join(args)}", [sys.executable, str(MANAGE), *args], env)


def probe(env: dict, *args: str):
    result = _run(f"portal_probe {args[0]}", [sys.executable, str(PROBE), *args], env)
    return json.loads(result.stdout.strip().splitlines()[-1])


def sqlite_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


def require_postgres() -> str:
    """The server's URL, or skip (fail on CI, where a skip would hide a gap)."""
    try:
        psycopg.connect(POSTGRES_URL, connect_timeout=3).close()
    except psycopg.Error as exc:
        reason = f"PostgreSQL svarer ikke på {POSTGRES_URL}: {exc}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return POSTGRES_URL


@contextmanager
def scratch_postgres(purpose: str):
    """A new, empty PostgreSQL database, "<suite's db>_<purpose>_<hex>", dropped after."""
    base = urlsplit(require_postgres())
    name = f"{base.path.lstrip('/')}_{purpose}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(base._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def drill_prefix() -> str:
    """Scratch databases of the drill, named after the suite's own PostgreSQL database."""
    return urlsplit(POSTGRES_URL).path.lstrip("/") + "_drill_"


# Tables with years of daily or weekly history, and the child table that hangs on one.
HISTORY_TABLES = (
    "reach_reachpull",
    "reach_pageday",
    "reach_pagesourceday",
    "reach_sitesourceday",
    "django_tasks_database_dbtaskresult",
)


def thin_out_history(path: Path, keep_every: int = 8) -> dict[str, int]:
    """Every table keeps rows, but only one in `keep_every` of the demo's years of
    history: a move or restore needs the variety, not the volume (test_upgrade's
    row-loss check keeps it all). Rows left per table."""
    with sqlite3.connect(path) as db:
        for table in HISTORY_TABLES:
            db.execute(f'DELETE FROM "{table}" WHERE id % {keep_every} != 0')
        db.execute(
            "DELETE FROM reach_channelmetric WHERE pull_id NOT IN (SELECT id FROM reach_reachpull)"
        )
    counts = sqlite_counts(path)
    return {t: counts[t] for t in (*HISTORY_TABLES, "reach_channelmetric")}
