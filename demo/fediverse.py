"""The demo's fediverse follower: the stand-in's account `nabo` follows both actors.

Recorded directly (the portal is not running while `load_demo` is), with the
addresses the stand-in serves, so the first event published in the demo is
delivered there and shows as delivered (/_control/posts, "fediverse").
"""

import os

from channels.fediverse.actors import actors
from channels.fediverse.models import Follower

STANDIN = os.environ.get("CHANNELS_STANDIN_URL", "http://127.0.0.1:8765")


def load(stdout) -> None:
    account = f"{STANDIN}/fediverse/users/nabo"
    for key in actors():
        Follower.objects.update_or_create(
            actor=key,
            account_uri=account,
            defaults={
                "inbox": f"{account}/inbox",
                "shared_inbox": f"{STANDIN}/fediverse/inbox",
                "domain": "127.0.0.1",
            },
        )
    stdout.write(f"Fediverset: {account} følger {', '.join(a.address for a in actors().values())}")
