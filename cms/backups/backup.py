"""Take one backup: the database at one moment, the media files, a manifest.

Why not django-dbbackup: its native connectors (pg_dump, SQLite's .backup)
write a dump only its own engine reads, and its DjangoConnector is one
dumpdata file loaded into today's models, with no migration state, per-file
checksums or media in the same archive. Here an archive must move between
engines and between releases, so the rows go through Django's serialization
with the historical models (database.py) and the engines' own consistency
(SQLite's online backup, PostgreSQL's snapshot) decides the moment.
"""

from __future__ import annotations

import platform
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connections
from django.utils import timezone

from . import database, storage
from .archive import ArchiveWriter


@dataclass(frozen=True)
class BackupResult:
    name: str
    """The archive's name in the backups storage."""
    location: str
    """Where to find it: a path on disk or an s3:// address."""
    size: int
    tables: int
    rows: int
    media_files: int
    started_at: object
    finished_at: object


def release() -> str:
    """Which code made the archive: RELEASE from the deploy, else the git commit."""
    if getattr(settings, "RELEASE", ""):
        return settings.RELEASE
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=5,
        )
    except (OSError, subprocess.SubprocessError):
        return "ukendt"
    return result.stdout.strip() if result.returncode == 0 else "ukendt"


def take_backup(alias: str = "default") -> BackupResult:
    """Write one archive to the backups storage and say where it is."""
    started = timezone.now()
    target_storage = storage.backup_storage()
    name = storage.archive_name(started)
    with tempfile.TemporaryDirectory(
        prefix=".backup-", dir=storage.staging_dir(target_storage)
    ) as work:
        work = Path(work)
        writer = ArchiveWriter(work / name)
        try:
            manifest = _write_database(writer, work, alias)
            manifest["media"] = _write_media(writer)
            manifest.update(
                created_at=started.isoformat(),
                release=release(),
                django=django.get_version(),
                wagtail=wagtail.__version__,
                python=platform.python_version(),
            )
            writer.close(manifest)
        except BaseException:
            writer.abort()
            raise
        size = (work / name).stat().st_size
        stored = storage.store(work / name, name, target_storage)
    tables = manifest["tables"]
    return BackupResult(
        name=stored,
        location=storage.describe(stored, target_storage),
        size=size,
        tables=len(tables),
        rows=sum(t["rows"] for t in tables.values()),
        media_files=manifest["media"]["files"],
        started_at=started,
        finished_at=timezone.now(),
    )


def _write_database(writer: ArchiveWriter, work: Path, alias: str) -> dict:
    data = work / "data"
    data.mkdir()
    with database.snapshot(alias) as snap:
        schema = database.read_schema(snap)
        tables = {}
        for model in database.archived_models(schema.apps, snap):
            member = f"data/{model._meta.label_lower}.jsonl.gz"
            path = work / member
            info = database.dump_table(model, snap, path)
            writer.add_file(member, path)
            path.unlink()
            tables[model._meta.db_table] = {**info, "file": member}
        engine = connections[snap].vendor
    return {"engine": engine, "migrations": schema.as_manifest(), "tables": tables}


def _write_media(writer: ArchiveWriter) -> dict:
    """Every media file, after the database: a file uploaded meanwhile is in the
    archive unreferenced, which harms nothing."""
    count = total = 0
    for name in storage.media_files(default_storage):
        try:
            size = default_storage.size(name)
            with default_storage.open(name, "rb") as source:
                writer.add(f"media/{name}", source, size)
        except FileNotFoundError:
            continue  # deleted since it was listed (an image deleted in the admin)
        count += 1
        total += size
    return {"files": count, "bytes": total}
