"""The clock's hourly reach job: count the site's beacons, pull the channels."""

from django.core.management.base import BaseCommand

from channels.reach.aggregation import run_aggregation
from channels.reach.pulling import pull_reach


class Command(BaseCommand):
    help = "Tæller sidevisninger sammen og henter rækkevidde fra kanalerne."

    def handle(self, *args, **options):
        days = run_aggregation()
        self.stdout.write(f"Sidevisninger talt for {len(days)} dag(e).")
        summary = pull_reach()
        self.stdout.write(
            f"Kanaltal hentet for {summary.pulled} opslag; {summary.failed} fejlede, "
            f"{summary.skipped} sprunget over (manuelle kanaler)."
        )
