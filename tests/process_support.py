"""What a process the tests start needs to reach the test's own PostgreSQL database."""

from urllib.parse import quote

from django.db import connection


def process_database_url(port: int | None = None) -> str:
    """The test database as a DATABASE_URL, optionally through another port (a
    proxy the test can cut)."""
    db = connection.settings_dict
    host = "127.0.0.1" if port else db["HOST"] or "127.0.0.1"
    return (
        f"postgres://{quote(db['USER'] or '')}:{quote(db['PASSWORD'] or '')}"
        f"@{host}:{port or db['PORT'] or 5432}/{db['NAME']}"
    )
