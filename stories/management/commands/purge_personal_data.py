"""`manage.py purge_personal_data`: erase residents' personal data past its retention.

Run daily by the clock (cms/clock.py), with the periods of
PERSONAL_DATA_RETENTION (shown to residents on /privatliv). Sign-ups and
submissions keep their row and content and lose the name, contact and note.
"""

from django.core.management.base import BaseCommand

from stories.community.personal_data import purge_personal_data

RULES = {
    "task_signups": "Tilmeldinger til opgaver, hvis dag er forbi",
    "volunteers": "Frivillige ('Giv en hånd')",
    "closed_submissions": "Afviste indsendelser",
    "submissions": "Andre indsendelser",
}


class Command(BaseCommand):
    help = (
        "Sletter borgeres persondata, når opbevaringsperioderne (PERSONAL_DATA_RETENTION) er gået."
    )

    def handle(self, *args, **options):
        counts = purge_personal_data()
        for rule, count in counts.items():
            if count:
                self.stdout.write(f"  {RULES[rule]}: {count}")
        self.stdout.write(f"Persondata slettet efter opbevaringsreglerne: {sum(counts.values())}.")
