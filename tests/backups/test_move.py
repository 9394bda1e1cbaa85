"""The move between engines, both ways, while residents keep signing up.

As docs/deploy.md tells an operator: `manage.py backup` on the running
SQLite portal, `manage.py restore` on an empty PostgreSQL database; and back.
A writer process signs residents up the whole time, two rows per transaction,
so an archive that is not one moment would hold half a pair.
"""

import shutil
import subprocess
import sys
import time
from pathlib import Path

from tests.backups.conftest import ENGINE_FREE
from tests.backups.helpers import (
    PROBE,
    ROOT,
    manage,
    portal_env,
    probe,
    require_postgres,
    scratch_postgres,
    thin_out_history,
)
from tests.backups.upgrade import PASSWORD

pytestmark = ENGINE_FREE


def backup_under_writes(env: dict, folder: Path, tag: str) -> tuple[str, int]:
    """Start the writer, back up once it has written, stop it after: (archive, rows written)."""
    stop = folder / f"stop-{tag}"
    writer = subprocess.Popen(
        [sys.executable, str(PROBE), "write", str(stop), tag],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        count = Path(f"{stop}.count")
        for _ in range(600):  # the writer is under way before the backup starts
            if count.exists() and int(count.read_text()) >= 5:
                break
            time.sleep(0.05)
        archive = manage(env, "backup").stdout.strip().splitlines()[-1]
        written_at_end = int(count.read_text())
        for _ in range(600):  # and goes on writing after it
            if int(count.read_text()) > written_at_end + 3:
                break
            time.sleep(0.05)
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err[-2000:]
    return archive, int(out.strip().splitlines()[-1].split(":")[1].strip(" }"))


def assert_whole_pairs(env: dict, tag: str, written: int) -> int:
    rows = probe(env, "writes", tag)
    assert rows["signups"] == rows["volunteers"]  # never half a transaction
    archived = len(rows["signups"])
    assert 5 <= archived < written  # taken while the writer ran
    return archived


def assert_serves_and_logs_in(env: dict):
    seen = probe(env, "pages", "sekretariat", PASSWORD, "/", "/historier/", "/api/v2/pages/")
    assert [seen[p]["status"] for p in ("/", "/historier/", "/api/v2/pages/")] == [200, 200, 200]
    assert seen["login"] is True
    assert 'name="password"' not in seen["/admin/"]["text"]


def test_sqlite_to_postgresql_and_back_under_writes(upgraded, tmp_path):
    require_postgres()
    source = tmp_path / "sqlite"
    source.mkdir()
    shutil.copy(upgraded[0], source / "portal.sqlite3")
    assert all(thin_out_history(source / "portal.sqlite3").values())
    shutil.copytree(Path(upgraded[1]["MEDIA_ROOT"]), source / "media")
    sqlite_env = portal_env(f"sqlite:///{source / 'portal.sqlite3'}", source)

    archive, written = backup_under_writes(sqlite_env, tmp_path, "sqlite")
    with scratch_postgres("move") as url:
        pg_env = portal_env(url, tmp_path / "postgres")
        restored = manage(pg_env, "restore", archive).stdout
        assert "alle kontrolleret mod arkivet" in restored
        in_postgres = assert_whole_pairs(pg_env, "sqlite", written)
        assert_serves_and_logs_in(pg_env)

        archive_back, written_back = backup_under_writes(pg_env, tmp_path, "postgres")
        back = tmp_path / "back"
        back_env = portal_env(f"sqlite:///{back / 'portal.sqlite3'}", back)
        back.mkdir()
        manage(back_env, "restore", archive_back)
    assert_whole_pairs(back_env, "postgres", written_back)
    assert len(probe(back_env, "writes", "sqlite")["signups"]) == in_postgres
    assert_serves_and_logs_in(back_env)
    images = sorted(p.name for p in (back / "media" / "original_images").iterdir())
    assert images == sorted(p.name for p in (source / "media" / "original_images").iterdir())
