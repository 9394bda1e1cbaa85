"""The throwaway databases a benchmark makes, serves and removes again.

Each run makes its own (a SQLite file under var/, or a PostgreSQL database
beside DATABASE_URL's) and drops only what it made, so no benchmark touches
the demo's database or one it was given.
"""

import os
import secrets
import shutil
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url
import psycopg
from django.conf import settings
from django.core.management.base import CommandError

SQLITE_OPTIONS = {
    # Many gunicorn workers write at once: WAL and an immediate write lock keep
    # them waiting for each other instead of failing with "database is locked".
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}


def throwaway_database(url: str, postgres_options: dict) -> dict:
    """Django's DATABASES entry for `url`, with the options either engine needs."""
    database = dj_database_url.parse(url, conn_max_age=600)
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["OPTIONS"] = dict(SQLITE_OPTIONS)
    else:
        database["OPTIONS"] = dict(postgres_options)
    return database


def new_database(prefix: str, label: str = "") -> str:
    """A database of the run's own, never one it was given: a SQLite file under
    var/, or a new PostgreSQL database beside DATABASE_URL's (never touched)."""
    url = os.environ.get("DATABASE_URL", "")
    name = f"{prefix}_{secrets.token_hex(4)}" + (f"_{label}" if label else "")
    if not url:
        Path(settings.VAR_DIR).mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{Path(settings.VAR_DIR) / f'{name}.sqlite3'}"
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        raise CommandError("DATABASE_URL skal være PostgreSQL eller tom (SQLite).")
    _postgres(url, f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


def copy_database(db_url: str, name: str) -> str:
    """The same database under `name`, to be changed while the original stays."""
    parts = urlsplit(db_url)
    if parts.scheme == "sqlite":
        source = Path(f"/{parts.path.lstrip('/')}")
        target = source.with_name(f"{name}.sqlite3")
        for suffix in ("", "-wal"):  # a write-ahead log not yet folded in, too
            if Path(f"{source}{suffix}").exists():
                shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
        return f"sqlite:///{target}"
    _postgres(db_url, f'CREATE DATABASE "{name}" TEMPLATE "{parts.path.lstrip("/")}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


def drop_database(db_url: str) -> None:
    """Remove what new_database or copy_database made, and nothing else."""
    parts = urlsplit(db_url)
    if parts.scheme == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"/{parts.path.lstrip('/')}{suffix}").unlink(missing_ok=True)
        return
    _postgres(db_url, f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}" WITH (FORCE)')


def _postgres(db_url: str, statement: str) -> None:
    """One statement on the server's maintenance database (CREATE/DROP DATABASE)."""
    parts = urlsplit(db_url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as c:
        c.execute(statement)
