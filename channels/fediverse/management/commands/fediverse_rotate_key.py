from django.core.management.base import BaseCommand, CommandError

from channels.fediverse import delivery
from channels.fediverse.actors import actor_document, actors, rotate_key
from channels.fediverse.tasks import enqueue


class Command(BaseCommand):
    help = (
        "Give an actor a new key pair and announce it to its followers' servers with an "
        "Update of the actor, signed with the new key (servers re-fetch the actor when a "
        "signature does not verify with the key they cached)."
    )

    def add_arguments(self, parser):
        parser.add_argument("actor", choices=sorted(actors()), help="events or stories")

    def handle(self, *args, actor, **options):
        if actor not in actors():
            raise CommandError(f"Ukendt aktør: {actor}")
        new_key = rotate_key(actor)
        document = actor_document(actors()[actor])
        entry = delivery.record(actor, "Update", document, None)
        enqueue(entry.pk)
        made = f"{new_key.created_at:%Y-%m-%d %H:%M}"
        self.stdout.write(
            f"Ny nøgle for {actors()[actor].address} (oprettet {made}); "
            f"{entry.deliveries.count()} servere får besked."
        )
