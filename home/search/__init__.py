"""The search backend: answers whatever a resident types, and knows Danish word forms.

Wagtail's database backend hands the typed text to the database's own query
language, where a lone double quote is a syntax error on SQLite and a NUL byte
one on PostgreSQL. Here every query is reduced to its words first, so quotes,
operators, brackets and control characters are plain separators everywhere.

PostgreSQL stems with its "danish" text-search configuration. SQLite's FTS5 has
no Danish tokenizer, so on SQLite the same Snowball stemmer PostgreSQL uses is
applied in Python to the indexed titles and bodies and to the query's words:
"frikadelle" and "frikadeller" both become "frikadel". Autocomplete keeps whole
words, as on PostgreSQL, where it uses the "simple" configuration.
"""

from django.db import connection
from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """The backend Wagtail's `database` module would choose for the database in
    use, with clean queries and (on SQLite) Danish stems. Each vendor's module
    is imported only on its own database, as Wagtail's own chooser does: the
    SQLite one needs a model that exists only there."""
    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        from home.search.sqlite import DanishSQLiteSearchBackend  # SQLite-only model inside

        return DanishSQLiteSearchBackend(params)
    if connection.vendor == "postgresql":
        from home.search.postgres import CleanPostgresSearchBackend  # only on its database

        return CleanPostgresSearchBackend(params)
    return backend
