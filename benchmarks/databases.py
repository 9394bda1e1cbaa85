"""The throwaway database a benchmark's server runs on, from the URL its command sets."""

import dj_database_url

SQLITE_OPTIONS = {
    # Many gunicorn workers write at once: WAL and an immediate write lock keep
    # them waiting for each other instead of failing with "database is locked".
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}


def throwaway_database(url: str, postgres_options: dict) -> dict:
    """Django's DATABASES entry for `url`, with the options either engine needs."""
    database = dj_database_url.parse(url, conn_max_age=600)
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["OPTIONS"] = dict(SQLITE_OPTIONS)
    else:
        database["OPTIONS"] = dict(postgres_options)
    return database
