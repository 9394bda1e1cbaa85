"""The benchmarks' migrated template: a run starts from a copy of the kept file
instead of migrating an empty database again (209 s under load), and the file's
name follows the migrations, so a changed migration never reuses a stale one."""

from benchmarks.migrated import PREFIX, copy_migrated, migrations_key


def test_the_template_name_follows_the_migration_files():
    key = migrations_key()
    assert key == migrations_key()
    assert len(key) == 16 and int(key, 16) >= 0


def test_a_kept_template_is_copied_without_migrating(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    template = tmp_path / f"{PREFIX}{migrations_key()}.sqlite3"
    template.write_bytes(b"SQLite format 3\x00 the kept schema")
    target = tmp_path / "bench-channels.sqlite3"

    # An environment that could not migrate anything: only the copy can succeed.
    reused = copy_migrated(target, env={"PATH": ""}, timeout=1)

    assert reused is True
    assert target.read_bytes() == template.read_bytes()
