"""A fediverse neighbour for the demo: one account that follows both actors.

`load_demo` records it as a follower (demo/fediverse.py), so publishing in the
demo shows deliveries; its shared inbox keeps what arrives, readable at
/_control/posts under "fediverse". It speaks what Mastodon serves for an
account: an actor document with its public key, an inbox answering 202.
"""

from __future__ import annotations

from typing import Any

from .state import StandinState
from .wire import Reply, Request

ACCOUNT = "nabo"


def actor_document(state: StandinState, base: str) -> dict[str, Any]:
    actor = f"{base}/fediverse/users/{ACCOUNT}"
    return {
        "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
        "id": actor,
        "type": "Person",
        "preferredUsername": ACCOUNT,
        "name": "En nabo i fediverset",
        "inbox": f"{actor}/inbox",
        "endpoints": {"sharedInbox": f"{base}/fediverse/inbox"},
        "publicKey": {
            "id": f"{actor}#main-key",
            "owner": actor,
            "publicKeyPem": state.fediverse_public_pem(),
        },
    }


def handle(state: StandinState, req: Request, parts: list[str], base: str) -> Reply:
    if req.method == "GET" and parts == ["users", ACCOUNT]:
        return Reply(
            200, actor_document(state, base), {"Content-Type": "application/activity+json"}
        )
    if req.method == "POST" and parts in (["inbox"], ["users", ACCOUNT, "inbox"]):
        activity = req.body
        if not isinstance(activity.get("type"), str) or not activity.get("id"):
            return Reply(400, {"error": "Not an activity."})
        with state.lock:
            seen = {a["id"] for a in state.fediverse_inbox}
            if activity["id"] not in seen:  # a retried delivery is shown once, as Mastodon does
                state.fediverse_inbox.append(activity)
        return Reply(202)
    return Reply(404, {"error": "Record not found"})
