"""One signed POST of an activity to one inbox, and what its answer means."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

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


def post_activity(signer: Signer, inbox: str, activity: dict, scheme: str) -> Sent:
    """POST the activity; classify the answer for the retry rules (docs/fediverse.md).

    Touches no database, so the fan-out can run it in threads."""
    body = json.dumps(activity, ensure_ascii=False).encode()
    try:
        headers = signed_headers(signer, inbox, body, scheme)
        headers.pop("Host", None)  # requests sets it from the URL (the adapter keeps it)
        response = safe_request("POST", inbox, data=body, headers=headers)
        response.close()
    except UnsafeAddress as error:
        return Sent("refused", None, str(error)[:200])
    except (requests.Timeout, requests.ConnectionError) as error:
        return Sent("retry", None, type(error).__name__)
    except (requests.RequestException, FetchError) as error:
        return Sent("retry", None, str(error)[:200])
    status = response.status_code
    if 200 <= status < 300:
        return Sent("delivered", status)
    if status == 410:
        return Sent("gone", status)
    if status in (408, 429) or status >= 500:
        return Sent("retry", status)
    return Sent("refused", status)
