"""The clock's reach counting: the beacons' raw hits become the figures reports read.

Reports and the reach API only read those figures (a GET changes no data), so
they are as fresh as this job's last run; the clock runs it every few minutes.
"""

from django.core.management.base import BaseCommand

from channels.reach.aggregation import run_aggregation


class Command(BaseCommand):
    help = "Tæller dagens sidevisninger sammen til de tal, rapporterne viser."

    def handle(self, *args, **options):
        days = run_aggregation()
        self.stdout.write(f"Sidevisninger talt for {len(days)} dag(e).")
