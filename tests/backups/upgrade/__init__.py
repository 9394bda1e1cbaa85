"""The database the previous release made, committed as data (README.md)."""

from pathlib import Path

RELEASE = "386fcb0"
FIXTURE = Path(__file__).with_name(f"release-{RELEASE}.sqlite3.gz")
MEDIA = Path(__file__).with_name(f"release-{RELEASE}-media.tar")
PASSWORD = "upgrade-fixture"
