"""The restore drill: the newest archive restored into a scratch database and checked.

It runs `manage.py restore` as a separate process whose only database is the
scratch one, whose media folder and caches are temporary and whose S3 and
Redis settings are blanked: whatever a restore does (migrations included), it
cannot touch the live portal. The restore itself reads every table back and
compares its rows and digest with the manifest; the drill reads its report.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connections

from . import storage

DRILL_TIMEOUT_SECONDS = 3 * 60 * 60


@dataclass(frozen=True)
class DrillResult:
    archive: str
    ok: bool
    tables: int
    rows: int
    media_files: int
    message: str


def _postgres_url(settings_dict: dict, name: str) -> str:
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "localhost"
    port = settings_dict.get("PORT") or "5432"
    return f"postgres://{auth}{host}:{port}/{quote(name, safe='')}"


def scratch_prefix() -> str:
    return settings.BACKUP_DRILL_DATABASE_PREFIX or (
        f"{connections['default'].settings_dict['NAME']}_drill_"
    )


@contextmanager
def scratch_database(folder: Path):
    """A database URL for the drill, empty or emptied by the restore (--replace)."""
    if settings.BACKUP_DRILL_DATABASE_URL:
        yield settings.BACKUP_DRILL_DATABASE_URL
        return
    connection = connections["default"]
    if connection.vendor == "sqlite":
        yield f"sqlite:///{folder / 'drill.sqlite3'}"
        return
    name = f"{scratch_prefix()}{uuid.uuid4().hex[:8]}"[:63]
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {qn(name)}")
    try:
        yield _postgres_url(connection.settings_dict, name)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {qn(name)} WITH (FORCE)")


def run_drill(archive: str | None = None) -> DrillResult:
    """Restore `archive` (by default the newest) into a scratch database and check it."""
    backups = storage.backup_storage()
    name = archive or next(iter(storage.list_archives(backups)), None)
    if name is None:
        return DrillResult("", False, 0, 0, 0, "Der er ingen sikkerhedskopi at gendanne.")
    with tempfile.TemporaryDirectory(prefix="drill-") as work:
        work = Path(work)
        path = storage.local_copy(name, work, backups)
        report_path = work / "report.json"
        with scratch_database(work) as url:
            env = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE
                or os.environ["DJANGO_SETTINGS_MODULE"],
                "DATABASE_URL": url,
                "MEDIA_ROOT": str(work / "media"),
                "VAR_DIR": str(work / "var"),
                "BACKUP_DIR": str(work / "backups"),
                "REDIS_URL": "",
                "TASK_BACKEND": "db",
                "AWS_STORAGE_BUCKET_NAME": "",
                "BACKUP_S3_BUCKET": "",
                "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            }
            command = [sys.executable, str(settings.BASE_DIR / "manage.py"), "restore", str(path)]
            command += ["--report", str(report_path)]
            if settings.BACKUP_DRILL_DATABASE_URL:
                command.append("--replace")
            try:
                process = subprocess.run(
                    command,
                    env=env,
                    cwd=settings.BASE_DIR,
                    capture_output=True,
                    text=True,
                    timeout=DRILL_TIMEOUT_SECONDS,
                )
            except subprocess.TimeoutExpired:
                return DrillResult(name, False, 0, 0, 0, "Gendannelsen blev ikke færdig i tide.")
        report = json.loads(report_path.read_text()) if report_path.exists() else {}
    if process.returncode != 0 or not report.get("tables_match"):
        reason = report.get("error") or _last_lines(process.stderr) or "ukendt fejl"
        return DrillResult(name, False, 0, 0, 0, f"Gendannelsen mislykkedes: {reason}")
    return DrillResult(
        name,
        True,
        report["tables"],
        report["rows"],
        report["media_files"],
        f"Gendannet i en prøvedatabase: {report['tables']} tabeller og {report['rows']} rækker "
        f"svarer til arkivet (antal og kontrolsummer), {report['media_files']} mediefiler.",
    )


def _last_lines(text: str, lines: int = 3) -> str:
    return " ".join((text or "").strip().splitlines()[-lines:])[:1000]
