"""`manage.py restore ARCHIVE`: an archive back onto an empty (or replaced) database."""

import json
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.backups import storage
from cms.backups.archive import ArchiveError
from cms.backups.restore import restore_archive


class Command(BaseCommand):
    help = (
        "Gendanner en sikkerhedskopi i databasen (SQLite eller PostgreSQL) og mediefilerne. "
        "Arkivet kontrolleres helt, før noget ændres."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "archive", help="Sti til arkivet, eller dets navn i sikkerhedskopiernes lager."
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Erstat indholdet i en database, der allerede har indhold.",
        )
        parser.add_argument(
            "--no-media", action="store_true", help="Læg ikke mediefilerne tilbage."
        )
        parser.add_argument(
            "--report", help="Skriv en rapport (JSON) over det gendannede til denne fil."
        )

    def handle(self, *args, archive, replace=False, no_media=False, report=None, **options):
        with tempfile.TemporaryDirectory(prefix="restore-download-") as folder:
            try:
                path = storage.local_copy(archive, Path(folder))
            except FileNotFoundError as exc:
                raise CommandError(
                    f"Arkivet {archive} findes ikke (hverken som fil eller i lageret).\n"
                    f"The archive {archive} does not exist (neither as a file nor in the storage)."
                ) from exc
            try:
                result = restore_archive(
                    path, replace=replace, media=not no_media, log=self.stdout.write
                )
            except ArchiveError as exc:
                if report:
                    Path(report).write_text(json.dumps({"error": str(exc), "tables_match": False}))
                raise CommandError(str(exc)) from exc
        if report:
            Path(report).write_text(json.dumps(result.as_report(), ensure_ascii=False, indent=1))
        self.stdout.write(
            f"Gendannet fra {result.archive} (udgave {result.release}, {result.engine}): "
            f"{result.tables} tabeller og {result.rows} rækker, alle kontrolleret mod arkivet; "
            f"{result.media_files} mediefiler."
        )
        if result.migrated_forward:
            self.stdout.write(
                f"Migreret frem til denne udgave: {len(result.migrated_forward)} migreringer."
            )
        self.stdout.write(
            "Søgeindeks genopbygget og cachen tømt. Log ind med de gamle adgangskoder."
        )
