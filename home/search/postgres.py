"""PostgreSQL: stems with its own Danish configuration; only the queries are cleaned."""

from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

from home.search.query import CleanQueryMixin


class CleanPostgresSearchBackend(CleanQueryMixin, PostgresSearchBackend):
    """PostgreSQL stems with its own Danish configuration (SEARCH_CONFIG)."""
