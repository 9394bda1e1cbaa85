"""A migrated SQLite file kept under var/ for the benchmarks' throwaway databases.

Migrating an empty SQLite file from scratch (some 250 migrations) took 153 s
and 212 s of bench_channels' time limit on the shared 2-core machine, before
the benchmark measured anything. The schema depends only on the migration
files, so the first run keeps the migrated file as a template named by a hash
of them, and later runs start from a copy of it. A changed, added or removed
migration gives a new name; older templates are removed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import CommandError

PREFIX = "bench-template-"


def migrations_key() -> str:
    """A hash of every migration file the project would apply, and Django's version."""
    import django
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    digest = hashlib.sha256(django.get_version().encode())
    for key in sorted(loader.disk_migrations):
        module = sys.modules[loader.disk_migrations[key].__module__]
        digest.update("/".join(key).encode())
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16]


def copy_migrated(target: Path, env: dict, timeout: float) -> bool:
    """Put a migrated SQLite database at `target` (and nothing beside it).

    Returns False when the template had to be made first (by `manage.py migrate`
    in a child process with the benchmark settings in `env`), True when a kept
    one was copied."""
    folder = Path(settings.VAR_DIR)
    template = folder / f"{PREFIX}{migrations_key()}.sqlite3"
    reused = template.exists()
    if not reused:
        with tempfile.TemporaryDirectory(dir=folder) as scratch:
            fresh = Path(scratch) / "migrating.sqlite3"
            done = subprocess.run(
                [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "migrate",
                 "--noinput", "-v", "0"],
                env={**env, "BENCHMARK_DB": str(fresh)},
                capture_output=True,
                text=True,
                timeout=timeout,
            )  # fmt: skip
            if done.returncode:
                raise CommandError(f"migrate fejlede:\n{done.stderr[-3000:]}")
            _fold_wal(fresh)
            os.replace(fresh, template)  # whole or not at all, also beside another run
        for old in folder.glob(f"{PREFIX}*.sqlite3"):
            if old != template:
                old.unlink(missing_ok=True)
    shutil.copyfile(template, target)
    return reused


def _fold_wal(db: Path) -> None:
    """Write the write-ahead log into the file, so the one file is the database."""
    import sqlite3

    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
