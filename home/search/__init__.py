"""The search backend: answers whatever a resident types, in any script, and
forgives the keyboard.

Every indexed text and every query goes through one analysis in Python
(home/search/analysis.py): words stemmed in the language of the page they
come from (its Wagtail locale), and folded so that "cafe" finds Café, "ishoj"
and "ishoej" Ishøj, "aeldre" ældre. Both databases store those forms as they
are (SQLite's FTS5; PostgreSQL's "simple" configuration), so SQLite and
PostgreSQL find the same pages. Queries are reduced to words first, so quotes,
operators, brackets and control characters are plain separators everywhere.

After a change to the analysis, rebuild the index: `manage.py update_index`.
"""

from django.db import connection
from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """The backend Wagtail's `database` module would choose for the database in
    use, with analysed words. Each vendor's module is imported only on its own
    database, as Wagtail's own chooser does: the SQLite one needs a model that
    exists only there."""
    if connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        from home.search.sqlite import AnalysedSQLiteSearchBackend  # SQLite-only model inside

        return AnalysedSQLiteSearchBackend(params)
    if connection.vendor == "postgresql":
        from home.search.postgres import AnalysedPostgresSearchBackend  # only on its database

        return AnalysedPostgresSearchBackend(params)
    return database.SearchBackend(params)
