"""The database's rows in and out of an archive, on SQLite and PostgreSQL alike.

Rows are written with Django's serialization framework (the machinery of
dumpdata and loaddata) as JSON Lines, one gzipped file per table, so either
engine loads what the other wrote. Two things dumpdata does not do are added:

- Rows are read and written with the *historical* models of the migrations the
  database has applied, not today's models. An archive from an older release
  loads into a database migrated to that release's state and is then migrated
  forward like any database; today's models would not fit its tables.
- Every table, also the content types and permissions and the through tables
  of many-to-many fields, is kept with its primary keys as they were, so every
  reference (generic ones included) points where it pointed. Natural keys are
  not needed and not used.

Each table also gets a digest of its rows in a canonical form (sorted keys,
JSON columns parsed), which is the same on both engines: a restore reads the
rows back and compares, and the nightly drill does the same in a scratch
database.
"""

from __future__ import annotations

import copy
import datetime
import decimal
import gzip
import hashlib
import json
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.management.color import no_style
from django.core.serializers.python import Deserializer as PythonDeserializer
from django.core.serializers.python import Serializer as PythonSerializer
from django.db import connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.utils import load_backend

# Tables kept out of every archive, and why.
EXCLUDED_MODELS = {
    # Log-ins are not carried over: after a restore everybody signs in again.
    "sessions.session",
    # The search index is rebuilt from the pages by `update_index` after a restore.
    "wagtailsearch.indexentry",
    "wagtailsearch.sqliteftsindexentry",
    # The day's secret for the reach counter's visitor keys: a backup must not
    # hold what links a key to an address (a new one is made after a restore).
    "reach.visitorsalt",
    # The record of this machine's backups describes the backups, not the content.
    "backups.backuprun",
}
BATCH = 1000


class FullPrecisionEncoder(json.JSONEncoder):
    """DjangoJSONEncoder without its cut to milliseconds: a restore gives back
    every timestamp to the microsecond."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.date | datetime.time):
            return o.isoformat()
        if isinstance(o, datetime.timedelta):
            return o.total_seconds()
        if isinstance(o, decimal.Decimal | uuid.UUID):
            return str(o)
        return super().default(o)


# ---------------------------------------------------------------- schema


class Schema:
    """The migrations a database has applied, and the models as they were then."""

    def __init__(self, applied: frozenset[tuple[str, str]], loader: MigrationLoader):
        self.applied = applied
        self.loader = loader

    def leaves(self) -> list[tuple[str, str]]:
        graph = self.loader.graph
        return sorted(
            node
            for node in self.applied
            if not any(child.key in self.applied for child in graph.node_map[node].children)
        )

    @cached_property
    def apps(self):
        """The historical models (rendering them takes a few seconds, so once)."""
        return self.loader.project_state(self.leaves(), at_end=True).apps

    def as_manifest(self) -> list[list[str]]:
        return [list(node) for node in sorted(self.applied)]


def read_schema(alias: str) -> Schema:
    """The applied migrations this release knows (others, of removed apps, are ignored)."""
    loader = MigrationLoader(connections[alias], ignore_no_migrations=True)
    applied = frozenset(node for node in loader.applied_migrations if node in loader.graph.nodes)
    return Schema(applied, loader)


def schema_of_archive(alias: str, migrations: list[list[str]]) -> tuple[Schema, list]:
    """The archive's schema in this release's migration graph, and the migrations
    it names that this release does not have (an archive from a newer release)."""
    loader = MigrationLoader(connections[alias], ignore_no_migrations=True)
    wanted = {tuple(node) for node in migrations}
    unknown = sorted(node for node in wanted if node not in loader.graph.nodes)
    return Schema(frozenset(wanted - set(unknown)), loader), unknown


def archived_models(apps, alias: str) -> list:
    """The models whose tables an archive holds, in a stable order."""
    existing = set(connections[alias].introspection.table_names())
    models = []
    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if opts.proxy or not opts.managed or opts.label_lower in EXCLUDED_MODELS:
            continue
        if opts.db_table in existing:
            models.append(model)
    return sorted(models, key=lambda m: m._meta.db_table)


def _json_fields(model) -> tuple[str, ...]:
    return tuple(f.name for f in model._meta.local_fields if f.get_internal_type() == "JSONField")


def canonical(row: dict, json_fields: tuple[str, ...]) -> bytes:
    """One row as bytes that do not depend on the engine: sorted keys, and JSON
    columns (StreamField writes its JSON as a string) parsed, since PostgreSQL's
    jsonb keeps keys in its own order."""
    fields = dict(row["fields"])
    for name in json_fields:
        value = fields.get(name)
        if isinstance(value, str):
            try:
                fields[name] = json.loads(value)
            except ValueError:
                pass
    line = {"model": row["model"], "pk": row["pk"], "fields": fields}
    return json.dumps(line, sort_keys=True, ensure_ascii=False, cls=FullPrecisionEncoder).encode()


class RowSerializer(PythonSerializer):
    """Django's serializer, one table at a time: many-to-many fields are left out
    (their through tables are archived as tables), each row goes straight to the
    stream, and the table's digest is kept on the way."""

    def __init__(self, stream, model):
        super().__init__()
        self.out = stream
        self.json_fields = _json_fields(model)
        self.digest = hashlib.sha256()
        self.rows = 0

    def handle_m2m_field(self, obj, field):
        pass

    def end_object(self, obj):
        row = self.get_dump_object(obj)
        if self.out is not None:
            self.out.write(json.dumps(row, ensure_ascii=False, cls=FullPrecisionEncoder) + "\n")
        self.digest.update(canonical(row, self.json_fields) + b"\n")
        self.rows += 1
        self._current = None


class RowDeserializer(PythonDeserializer):
    """Django's deserializer with the historical models of the archive's migrations."""

    def __init__(self, rows, apps, using):
        super().__init__(rows, using=using)
        self.apps = apps

    def _get_model_from_node(self, model_identifier):
        return self.apps.get_model(model_identifier)


def _rows(model, alias: str):
    return model._base_manager.using(alias).order_by("pk").iterator(chunk_size=2000)


def dump_table(model, alias: str, path: Path | None) -> dict:
    """Write one table's rows to `path` (gzipped JSON Lines); its rows and digest."""
    if path is None:
        serializer = RowSerializer(None, model)
        serializer.serialize(_rows(model, alias))
    else:
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=6) as out:
            serializer = RowSerializer(out, model)
            serializer.serialize(_rows(model, alias))
    return {
        "model": model._meta.label_lower,
        "rows": serializer.rows,
        "digest": serializer.digest.hexdigest(),
    }


def table_digests(alias: str, schema: Schema, tables: list[str] | None = None) -> dict[str, dict]:
    """Rows and digest of each table as the database holds it now."""
    models = archived_models(schema.apps, alias)
    return {
        m._meta.db_table: dump_table(m, alias, None)
        for m in models
        if tables is None or m._meta.db_table in tables
    }


# ---------------------------------------------------------------- a consistent moment


@contextmanager
def _extra_connection(alias: str, settings_dict: dict) -> Iterator[str]:
    """A second connection under its own alias, for this thread only (it is
    not added to DATABASES, which other threads and processes read)."""
    backend = load_backend(settings_dict["ENGINE"])
    connections[alias] = backend.DatabaseWrapper(settings_dict, alias)
    try:
        yield alias
    finally:
        connections[alias].close()
        del connections[alias]


@contextmanager
def snapshot(alias: str = "default") -> Iterator[str]:
    """A connection alias that sees the database at one moment while the site
    keeps writing. SQLite: the online backup API copies the file (readers never
    block writers in WAL mode) and the copy is read. PostgreSQL: a second
    connection in a REPEATABLE READ, READ ONLY transaction, the snapshot
    pg_dump uses."""
    source = connections[alias]
    settings_dict = copy.deepcopy(source.settings_dict)
    name = f"{alias}_backup_snapshot"
    if source.vendor == "sqlite":
        with tempfile.TemporaryDirectory(prefix="backup-snapshot-") as folder:
            copy_path = Path(folder) / "snapshot.sqlite3"
            source.ensure_connection()
            target = sqlite3.connect(copy_path)
            try:
                source.connection.backup(target)
            finally:
                target.close()
            settings_dict.update(NAME=str(copy_path), OPTIONS={})
            with _extra_connection(name, settings_dict):
                yield name
    elif source.vendor == "postgresql":
        with _extra_connection(name, settings_dict):
            with transaction.atomic(using=name):
                with connections[name].cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                yield name
    else:
        raise ImproperlyConfigured(
            f"Sikkerhedskopier kan tages af SQLite og PostgreSQL, ikke af {source.vendor}. / "
            f"Backups are taken of SQLite and PostgreSQL, not {source.vendor}."
        )


# ---------------------------------------------------------------- into a database


def holds_content(alias: str = "default") -> bool:
    """Whether restoring here would overwrite something: any account, any page
    beyond the two the migrations create, any picture, document or resident's
    or channel's record. A new, migrated database holds none of these."""
    connection = connections[alias]
    existing = set(connection.introspection.table_names())
    checks = {
        "auth_user": 0,
        "wagtailcore_page": 2,
        "wagtailimages_image": 0,
        "wagtaildocs_document": 0,
        "stories_storysubmission": 0,
        "stories_tasksignup": 0,
        "channels_publication": 0,
        "reach_siteday": 0,
    }
    with connection.cursor() as cursor:
        for table, allowed in checks.items():
            if table in existing:
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
                if cursor.fetchone()[0] > allowed:
                    return True
    return False


def drop_all_tables(alias: str = "default") -> None:
    """Empty the database of every table, so it can be migrated from the start."""
    connection = connections[alias]
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            connection.disable_constraint_checking()
            try:
                cursor.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' AND sql LIKE "
                    "'CREATE VIRTUAL TABLE%'"
                )
                for (name,) in cursor.fetchall():
                    cursor.execute(f"DROP TABLE IF EXISTS {qn(name)}")
                for name in connection.introspection.table_names(cursor):
                    cursor.execute(f"DROP TABLE IF EXISTS {qn(name)}")
            finally:
                connection.enable_constraint_checking()
        else:
            for name in connection.introspection.table_names(cursor):
                cursor.execute(f"DROP TABLE IF EXISTS {qn(name)} CASCADE")


def migrate_to(schema: Schema, alias: str = "default") -> None:
    """Bring an empty database to exactly the archive's migrations (an app the
    archive's release did not have stays unmigrated until the forward migration)."""
    executor = MigrationExecutor(connections[alias])
    executor.migrate(schema.leaves())


def flush(models, alias: str = "default") -> None:
    connection = connections[alias]
    tables = [m._meta.db_table for m in models]
    statements = connection.ops.sql_flush(
        no_style(), tables, reset_sequences=True, allow_cascade=connection.vendor != "sqlite"
    )
    connection.ops.execute_sql_flush(statements)


def _insert(connection, model, objects: list) -> None:
    fields = [f for f in model._meta.local_concrete_fields if not getattr(f, "generated", False)]
    qn = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        qn(model._meta.db_table),
        ", ".join(qn(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    # What Django's insert compiler does for a raw save (loaddata's): the stored
    # values as they are, auto_now and defaults left alone.
    params = [
        [f.get_db_prep_save(getattr(o, f.attname), connection) for f in fields] for o in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def load_table(path: Path, model, apps, alias: str = "default") -> int:
    """Insert one archived table's rows; how many."""
    connection = connections[alias]
    count = 0
    batch = []
    with gzip.open(path, "rt", encoding="utf-8") as source:
        rows = (json.loads(line) for line in source if line.strip())
        for item in RowDeserializer(rows, apps, alias):
            batch.append(item.object)
            if len(batch) >= BATCH:
                _insert(connection, model, batch)
                count += len(batch)
                batch = []
    if batch:
        _insert(connection, model, batch)
        count += len(batch)
    return count


def reset_sequences(models, alias: str = "default") -> None:
    """PostgreSQL's id sequences continue after the highest restored id (SQLite's
    AUTOINCREMENT follows inserted ids by itself)."""
    connection = connections[alias]
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
