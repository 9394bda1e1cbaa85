"""Restore an archive onto this portal's database and media storage.

In this order, so that nothing changes until the archive has proved whole:
unpack and check every checksum; refuse a newer release's archive or a database
that holds content (unless told to replace it); bring the database to the
archive's migrations; load every table in one transaction and read it back
against the manifest; migrate forward to this release; put back the media;
rebuild the search index; erase what the retention rules say is past its
time (an older archive holds such data); drop the caches.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connections, transaction
from django.db.migrations.executor import MigrationExecutor

from . import database
from .archive import ArchiveError, unpack_and_verify


class RestoreRefused(ArchiveError):
    """The archive is whole, but restoring it here would do harm."""


class RestoreFailed(ArchiveError):
    """The restore started and could not finish as the archive says."""


@dataclass
class RestoreResult:
    archive: str
    release: str
    engine: str
    tables: int = 0
    rows: int = 0
    media_files: int = 0
    rebuilt_schema: bool = False
    migrated_forward: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)

    def as_report(self) -> dict:
        return {
            "archive": self.archive,
            "release": self.release,
            "source_engine": self.engine,
            "tables": self.tables,
            "rows": self.rows,
            "media_files": self.media_files,
            "rebuilt_schema": self.rebuilt_schema,
            "migrated_forward": self.migrated_forward,
            "mismatches": self.mismatches,
            "tables_match": not self.mismatches,
        }


def restore_archive(
    path: Path, *, replace: bool = False, media: bool = True, log=None
) -> RestoreResult:
    """Restore `path` onto the default database and media storage."""
    log = log or (lambda message: None)
    alias = "default"
    with tempfile.TemporaryDirectory(prefix="restore-") as work:
        log("Kontrollerer arkivet …")
        verified = unpack_and_verify(path, Path(work))
        manifest = verified.manifest
        schema, unknown = database.schema_of_archive(alias, manifest["migrations"])
        if unknown:
            node = ".".join(unknown[0])
            raise RestoreRefused(
                f"Arkivet er lavet af en nyere udgave af portalen (den kender fx migreringen "
                f"{node}). Gendan det med den udgave eller en nyere.",
                f"The archive was made by a newer release (it knows e.g. migration {node}). "
                "Restore it with that release or a newer one.",
            )
        if database.holds_content(alias) and not replace:
            raise RestoreRefused(
                "Databasen indeholder allerede indhold (brugere, sider eller billeder). Intet er "
                "ændret. Gendan i en tom database, eller brug --replace for at erstatte indholdet.",
                "The database already holds content (users, pages or images). Nothing was "
                "changed. Restore into an empty database, or pass --replace to overwrite it.",
            )
        result = RestoreResult(
            archive=str(path), release=manifest.get("release", ""), engine=manifest["engine"]
        )
        if database.read_schema(alias).applied != schema.applied:
            log("Bygger databasens tabeller op som i arkivet …")
            database.drop_all_tables(alias)
            database.migrate_to(schema, alias)
            result.rebuilt_schema = True
        log("Indlæser tabellerne …")
        _load(verified, schema, alias, result)
        result.migrated_forward = _migrate_forward(alias)
        if media:
            log("Lægger mediefilerne tilbage …")
            result.media_files = _restore_media(verified)
    log("Genopbygger søgeindekset …")
    call_command("update_index", verbosity=0)
    # An older archive holds personal data the retention rules have erased since.
    call_command("purge_personal_data", stdout=StringIO())
    drop_caches()
    return result


def _load(verified, schema, alias: str, result: RestoreResult) -> None:
    tables = verified.manifest["tables"]
    apps = schema.apps
    archived = {m._meta.db_table: m for m in database.archived_models(apps, alias)}
    unknown = sorted(set(tables) - set(archived))
    if unknown:
        raise RestoreFailed(
            f"Arkivets tabel {unknown[0]} findes ikke efter dets egne migreringer.",
            f"The archive's table {unknown[0]} does not exist after its own migrations.",
        )
    # The tables archives leave out are emptied too: old sessions must not log
    # anybody in as whoever has that user id in the archive.
    left_out = [
        m
        for m in apps.get_models(include_auto_created=True)
        if m._meta.label_lower in database.EXCLUDED_MODELS - {"backups.backuprun"}
        and m._meta.managed
        and m._meta.db_table in connections[alias].introspection.table_names()
    ]
    with transaction.atomic(using=alias):
        database.flush([*archived.values(), *left_out], alias)
        for table, info in sorted(tables.items()):
            loaded = database.load_table(verified.path(info["file"]), archived[table], apps, alias)
            result.rows += loaded
        database.reset_sequences(list(archived.values()), alias)
        back = database.table_digests(alias, schema, list(tables))
        for table, info in sorted(tables.items()):
            found = back.get(table, {})
            if found.get("rows") != info["rows"] or found.get("digest") != info["digest"]:
                result.mismatches.append(
                    f"{table}: {found.get('rows')} rækker læst tilbage, {info['rows']} i arkivet"
                )
        if result.mismatches:
            raise RestoreFailed(
                "Det indlæste svarer ikke til arkivet; intet er gemt. "
                + "; ".join(result.mismatches[:5]),
                "What was loaded does not match the archive; nothing was kept.",
            )
    result.tables = len(tables)


def _migrate_forward(alias: str) -> list[str]:
    executor = MigrationExecutor(connections[alias])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        call_command("migrate", database=alias, interactive=False, verbosity=0)
    return [f"{m.app_label}.{m.name}" for m, _ in plan]


def _restore_media(verified) -> int:
    count = 0
    for name in verified.media_names:
        if default_storage.exists(name):
            default_storage.delete(name)
        with open(verified.path(f"media/{name}"), "rb") as source:
            saved = default_storage.save(name, File(source, name=name))
        if saved != name:
            raise RestoreFailed(
                f"Mediefilen {name} blev gemt som {saved}.",
                f"Media file {name} was saved as {saved}.",
            )
        count += 1
    return count


def drop_caches() -> None:
    """Forget every cached page and value; on Redis only this portal's keys (a
    FLUSHDB would also empty the task queue if it shares the database)."""
    for cache in caches.all(initialized_only=False):
        if isinstance(cache, RedisCache):
            client = cache._cache.get_client(write=True)
            keys = list(client.scan_iter(match=cache.make_key("*", version="*"), count=1000))
            for start in range(0, len(keys), 1000):
                client.delete(*keys[start : start + 1000])
        else:
            cache.clear()
