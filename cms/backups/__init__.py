"""Backups, restores and the nightly drill that proves a backup can be restored.

One archive holds the database as JSON Lines (Django's serialization, so any
supported engine loads it), the media files and a manifest with the release,
the migrations applied, the rows per table and the SHA-256 of every file.
`archive` writes and verifies that file, `database` reads and writes the rows,
`restore` and `drill` use both, `nightly` is what the clock runs.
"""
