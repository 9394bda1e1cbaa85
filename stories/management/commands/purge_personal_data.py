"""`manage.py purge_personal_data`: remove residents' personal data past its retention.

Run daily by the clock (cms/clock.py). Sign-ups are deleted; submissions keep
their story or photo but lose the submitter's name, e-mail and private note.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from stories.community.personal_data import purge_older_than


class Command(BaseCommand):
    help = "Sletter borgeres persondata, der er ældre end PERSONAL_DATA_RETENTION_DAYS."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Antal dage, data gemmes (standard: PERSONAL_DATA_RETENTION_DAYS).",
        )

    def handle(self, *args, days=None, **options):
        days = settings.PERSONAL_DATA_RETENTION_DAYS if days is None else days
        counts = purge_older_than(days)
        total = sum(counts.values())
        for label, count in counts.items():
            if count:
                self.stdout.write(f"  {label}: {count}")
        self.stdout.write(f"Persondata ældre end {days} dage: {total} slettet.")
