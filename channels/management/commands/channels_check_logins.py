"""Read each channel's token expiry from the platform (run daily by the clock)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from channels.logins import check_logins


class Command(BaseCommand):
    help = "Spørger platformene, hvornår kanalernes login udløber, og gemmer svaret."

    def handle(self, *args, **options):
        for channel, expires in check_logins().items():
            when = f"{timezone.localtime(expires):%d.%m.%Y %H.%M}" if expires else "aldrig"
            self.stdout.write(f"{channel}: login udløber {when}.")
