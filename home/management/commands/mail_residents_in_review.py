"""Tell residents their submission is being looked at, when the answer takes a while.

Run by the clock (cms/clock.py); see home.participation.IN_REVIEW_MAIL_AFTER.
"""

from django.core.management.base import BaseCommand

from home.participation import mail_lasting_reviews


class Command(BaseCommand):
    help = "Mail 'Under behandling' to residents whose submission waits for an answer."

    def handle(self, *args, **options):
        sent = mail_lasting_reviews()
        if sent:
            self.stdout.write(f"{sent} borgere fik besked om, at deres indsendelse behandles.")
