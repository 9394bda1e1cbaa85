"""Enqueue channel posts that are due: scheduled ones, retries, stuck claims."""

from django.core.management.base import BaseCommand

from channels.reconciling import retry_due


class Command(BaseCommand):
    help = "Sætter forfaldne kanal-opslag (planlagte, genforsøg, ubekræftede) i kø."

    def handle(self, *args, **options):
        count = retry_due()
        # The clock runs this every 15 s: a quiet sweep says nothing unless asked.
        if count or options["verbosity"] > 1:
            self.stdout.write(f"{count} kanal-opslag sat i kø.")
