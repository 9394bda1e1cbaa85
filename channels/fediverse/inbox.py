"""What the inbox accepts: a verified request from a server we do not block.

Checks run cheapest first (size, rate, block list) so a flood costs us no key
fetch; then the signature, then the activity. Every refusal is a 4xx with a
short reason; nothing a remote server sends can raise a 500.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction

from .actors import AS_CONTEXT, Actor, actors
from .fetching import FetchError, UnsafeAddress, remote_actor
from .models import BlockedDomain, Follower, SignatureScheme
from .signatures import (
    SignatureError,
    SignedRequest,
    cavage_key_id,
    rfc9421_key_id,
    scheme_of,
    verify_cavage,
    verify_rfc9421,
)


@dataclass(frozen=True)
class Refusal(Exception):
    status: int
    reason: str


@dataclass(frozen=True)
class Verified:
    actor: dict
    """The remote actor (id, inbox, shared_inbox, public key) that signed."""
    scheme: str
    activity: dict


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def rate_limited(host: str) -> bool:
    """True once `host` has made more than its share of requests this minute."""
    key = f"fediverse:rate:{host}"
    cache.add(key, 0, 60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, 60)
        count = 1
    return count > settings.FEDIVERSE_INBOX_RATE_PER_MINUTE


def verify(request: SignedRequest, body: bytes) -> Verified:
    scheme = scheme_of(request.headers)
    if not scheme:
        raise Refusal(401, "unsigned")
    key_id = rfc9421_key_id(request) if scheme == "rfc9421" else cavage_key_id(request)
    host = host_of(key_id)
    if not host:
        raise Refusal(401, "no keyId")
    # By the signing host, not the address: behind a proxy every server has the same one.
    if rate_limited(host):
        raise Refusal(429, "too many requests")
    if BlockedDomain.is_blocked(host):
        raise Refusal(403, "blocked")
    try:
        activity = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise Refusal(400, "not JSON") from error
    if not isinstance(activity, dict):
        raise Refusal(400, "not an object")

    def check(actor: dict) -> None:
        if scheme == "rfc9421":
            verify_rfc9421(request, lambda _key_id: actor["public_pem"], body)
        else:
            verify_cavage(request, actor["public_pem"], body)

    try:
        actor = remote_actor(key_id)
        try:
            check(actor)
        except SignatureError:
            actor = remote_actor(key_id, refresh=True)  # the key may have been rotated
            check(actor)
    except (FetchError, UnsafeAddress) as error:
        raise Refusal(401, f"key not fetchable: {error}"[:200]) from error
    except SignatureError as error:
        raise Refusal(401, f"signature: {error}"[:200]) from error
    claimed = activity.get("actor")
    claimed_id = claimed.get("id") if isinstance(claimed, dict) else claimed
    if claimed_id != actor["id"]:
        raise Refusal(401, "activity actor is not the signer")
    return Verified(actor=actor, scheme=scheme, activity=activity)


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:24]


def _target_actor(activity: dict, default: Actor | None) -> Actor | None:
    target = activity.get("object")
    target_id = target.get("id") if isinstance(target, dict) else target
    for actor in actors().values():
        if actor.id == target_id:
            return actor
    return default if target_id is None else None


def handle(verified: Verified, addressed_to: Actor | None) -> tuple[str, dict] | None:
    """Apply the activity; returns (actor key, Accept activity) when one must be sent."""
    activity = verified.activity
    kind = activity.get("type")
    remote = verified.actor
    if kind == "Follow":
        actor = _target_actor(activity, addressed_to)
        if actor is None:
            raise Refusal(404, "no such actor here")
        try:
            with transaction.atomic():
                Follower.objects.update_or_create(
                    actor=actor.key,
                    account_uri=remote["id"],
                    defaults={
                        "inbox": remote["inbox"],
                        "shared_inbox": remote["shared_inbox"],
                        "domain": host_of(remote["id"]),
                        "signature_scheme": SignatureScheme(verified.scheme),
                        "failing_since": None,
                    },
                )
        except IntegrityError:  # the same Follow twice at once: one row is what we want
            pass
        accept = {
            "@context": AS_CONTEXT,
            "id": f"{actor.id}#accepts/{_digest(str(activity.get('id')))}",
            "type": "Accept",
            "actor": actor.id,
            "object": activity,
        }
        return actor.key, accept
    if kind == "Undo":
        inner = activity.get("object")
        if isinstance(inner, dict) and inner.get("type") == "Follow":
            actor = _target_actor(inner, addressed_to)
            followers = Follower.objects.filter(account_uri=remote["id"])
            if actor is not None:
                followers = followers.filter(actor=actor.key)
            followers.delete()
        return None
    if kind == "Delete" and activity.get("object") == remote["id"]:
        Follower.objects.filter(account_uri=remote["id"]).delete()  # the account is gone
    return None
