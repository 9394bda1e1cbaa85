"""One signed POST of an activity to one inbox, and what its answer means.

Servers speak one or both signature schemes: draft-cavage (most of them) and
RFC 9421 (Mastodon since 4.5). Neither says in advance which it takes, so a
delivery "double-knocks": an inbox that answers 401 to one scheme gets the
same request once more signed with the other, and the scheme that worked is
remembered per host (models.ServerScheme) by the caller, who touches the
database; this module does not, so the fan-out can run it in threads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Literal
from urllib.parse import urlsplit

import requests

from .actors import actors, current_key
from .fetching import FetchError, UnsafeAddress, safe_request
from .models import SignatureScheme
from .signatures import SignedRequest, sign_cavage, sign_rfc9421

Outcome = Literal["delivered", "retry", "gone", "refused"]

CONTENT_TYPE = "application/activity+json"


@dataclass(frozen=True)
class Sent:
    outcome: Outcome
    status: int | None
    detail: str = ""
    scheme: str = ""
    """The scheme of the last request made ("" when none was signed)."""
    knocked_twice: bool = False
    """The first scheme was refused with 401 and the other one was tried."""


@dataclass(frozen=True)
class Signer:
    """What signs for an actor, read from the database before any thread starts."""

    key_id: str
    private_pem: str

    @classmethod
    def of(cls, actor_key: str) -> Signer:
        return cls(actors()[actor_key].key_id, current_key(actor_key).private_pem)


def signed_headers(signer: Signer, url: str, body: bytes, scheme: str) -> dict[str, str]:
    request = SignedRequest("POST", url, {"Content-Type": CONTENT_TYPE, "Accept": CONTENT_TYPE})
    if scheme == SignatureScheme.RFC9421:
        sign_rfc9421(request, signer.key_id, signer.private_pem, body)
    else:
        sign_cavage(request, signer.key_id, signer.private_pem, body)
    return request.headers


def host_of(url: str) -> str:
    """What the scheme is remembered by: the inbox's host (and port, if any)."""
    return urlsplit(url).netloc.lower()


def other_scheme(scheme: str) -> str:
    if scheme == SignatureScheme.RFC9421:
        return SignatureScheme.CAVAGE
    return SignatureScheme.RFC9421


def post_activity(signer: Signer, inbox: str, activity: dict, scheme: str) -> Sent:
    """POST the activity signed with `scheme`; on 401, once more with the other scheme.

    Only 401 knocks again: it is what Mastodon and others answer to a signature they
    cannot verify, while 403 (blocked) or 400 (bad activity) would not change."""
    body = json.dumps(activity, ensure_ascii=False).encode()
    sent = _post(signer, inbox, body, scheme)
    if sent.status != 401:
        return sent
    second = _post(signer, inbox, body, other_scheme(scheme))
    return replace(second, knocked_twice=True)


def _post(signer: Signer, inbox: str, body: bytes, scheme: str) -> Sent:
    """One signed POST, its answer classified for the retry rules (docs/fediverse.md)."""
    try:
        headers = signed_headers(signer, inbox, body, scheme)
        headers.pop("Host", None)  # requests sets it from the URL (the adapter keeps it)
        response = safe_request("POST", inbox, data=body, headers=headers)
        response.close()
    except UnsafeAddress as error:
        return Sent("refused", None, str(error)[:200])
    except (requests.Timeout, requests.ConnectionError) as error:
        return Sent("retry", None, type(error).__name__, scheme)
    except (requests.RequestException, FetchError) as error:
        return Sent("retry", None, str(error)[:200], scheme)
    status = response.status_code
    if 200 <= status < 300:
        return Sent("delivered", status, scheme=scheme)
    if status == 410:
        return Sent("gone", status, scheme=scheme)
    if status in (408, 429) or status >= 500:
        return Sent("retry", status, scheme=scheme)
    return Sent("refused", status, scheme=scheme)
