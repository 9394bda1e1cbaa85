from django.core.management.base import BaseCommand

from channels.fediverse import delivery


class Command(BaseCommand):
    help = (
        "Send the fediverse deliveries that are due: retries whose back-off ran out, and "
        "deliveries whose worker died mid-send (their lease ran out). Run by the clock."
    )

    def handle(self, *args, **options):
        total = 0
        while True:
            attempted = delivery.deliver_due()
            total += attempted
            if attempted < delivery.BATCH:
                break
        self.stdout.write(f"{total} leveringer forsøgt.")
