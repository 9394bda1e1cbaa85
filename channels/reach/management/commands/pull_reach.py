"""The clock's hourly reach job: pull each channel's figures (aggregate_reach counts the site)."""

from django.core.management.base import BaseCommand

from channels.reach.pulling import pull_reach


class Command(BaseCommand):
    help = "Henter rækkevidde fra kanalerne."

    def handle(self, *args, **options):
        summary = pull_reach()
        self.stdout.write(
            f"Kanaltal hentet for {summary.pulled} opslag; {summary.failed} fejlede, "
            f"{summary.skipped} sprunget over (manuelle kanaler)."
        )
