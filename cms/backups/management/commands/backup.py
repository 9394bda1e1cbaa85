"""`manage.py backup`: one archive of the database and the media, while the site runs."""

from django.core.management.base import BaseCommand

from cms.backups.backup import take_backup


class Command(BaseCommand):
    help = (
        "Tager en sikkerhedskopi (database, mediefiler og manifest) og skriver, hvor arkivet "
        "ligger. Kan køres, mens sitet er i gang."
    )

    def handle(self, *args, **options):
        result = take_backup()
        self.stdout.write(
            f"Sikkerhedskopi: {result.tables} tabeller, {result.rows} rækker, "
            f"{result.media_files} mediefiler, {result.size / 1_000_000:.1f} MB."
        )
        # The last line is the archive alone, for scripts: `restore "$(... | tail -1)"`.
        self.stdout.write(result.location)
