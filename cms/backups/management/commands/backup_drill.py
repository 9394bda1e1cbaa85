"""`manage.py backup_drill [ARCHIVE]`: restore an archive into a scratch database and check it."""

from django.core.management.base import BaseCommand, CommandError

from cms.backups.nightly import record_drill


class Command(BaseCommand):
    help = (
        "Gendanner den nyeste sikkerhedskopi (eller den angivne) i en midlertidig database og "
        "sammenligner rækker og kontrolsummer med arkivet."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "archive", nargs="?", help="Arkivets navn i lageret (standard: nyeste)."
        )

    def handle(self, *args, archive=None, **options):
        run = record_drill(archive)
        if not run.ok:
            raise CommandError(run.message)
        self.stdout.write(run.message)
