"""`manage.py backup`: one archive of the database and the media, while the site runs."""

from django.core.management.base import BaseCommand, CommandError

from cms.backups.backup import take_backup


class Command(BaseCommand):
    help = (
        "Tager en sikkerhedskopi (database, mediefiler og manifest) og skriver, hvor arkivet "
        "ligger. Kan køres, mens sitet er i gang."
    )

    def handle(self, *args, **options):
        try:
            result = take_backup()
        except OSError as exc:  # a full disk, a folder that cannot be written, S3 away
            raise CommandError(
                f"Sikkerhedskopien kunne ikke skrives; intet arkiv er gemt ({exc}).\n"
                f"The backup could not be written; no archive was kept ({exc})."
            ) from exc
        self.stdout.write(
            f"Sikkerhedskopi: {result.tables} tabeller, {result.rows} rækker, "
            f"{result.media_files} mediefiler, {result.size / 1_000_000:.1f} MB."
        )
        # The last line is the archive alone, for scripts: `restore "$(... | tail -1)"`.
        self.stdout.write(result.location)
