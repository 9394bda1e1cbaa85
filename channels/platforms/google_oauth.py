"""Google's OAuth for the YouTube APIs: an access token on demand.

With a client id, secret and refresh token the portal renews its hourly
access token itself. Google may hand out a new refresh token in a refresh
answer and retire the one we sent; the new one must then outlive this
process, or a restart (or another worker) renews with a dead token. So it
goes to a `RefreshTokenStore` (the database, installed by the app's
`ready()`), and renewals take turns across processes.
An answer without a refresh token never replaces the one that works.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

import requests
from django.conf import settings

from channels.http import PlatformError

_token_lock = threading.Lock()
_refreshed: dict[str, Any] = {}


class RefreshTokenStore(Protocol):
    """Where a rotated refresh token outlives the process."""

    def renew_with(self, renew: Callable[[str], str]) -> None:
        """Call `renew` with the stored refresh token of the configured login ('' when
        none), one process at a time, and store the token it returns unless empty."""
        ...


class _ProcessMemory:
    """Until the app installs a durable store (and in a bare import): this process only."""

    token = ""
    origin = ""

    def renew_with(self, renew: Callable[[str], str]) -> None:
        kept = renew(self.token if self.origin == configured_origin() else "")
        if kept:
            self.token, self.origin = kept, configured_origin()


_store: RefreshTokenStore = _ProcessMemory()


def keep_refresh_tokens_in(store: RefreshTokenStore) -> None:
    global _store
    _store = store


def configured_origin() -> str:
    """Names the configured login without storing its secret: a stored token
    belongs to the login it replaced, and a newly configured login wins."""
    return hashlib.sha256(settings.YOUTUBE_REFRESH_TOKEN.encode()).hexdigest()


def refresh_token(stored: str = "") -> str:
    """The refresh token to renew with: one Google handed out that could not be
    stored yet, else the stored one, else the configured one."""
    return str(_refreshed.get("unsaved") or stored or settings.YOUTUBE_REFRESH_TOKEN)


def access_token() -> str:
    """The configured access token, or one fetched with the OAuth refresh token."""
    if settings.YOUTUBE_ACCESS_TOKEN:
        return settings.YOUTUBE_ACCESS_TOKEN
    with _token_lock:
        if _refreshed.get("expires", 0) > time.time() + 60:
            return str(_refreshed["token"])
        _store.renew_with(_renew_and_remember)
        _refreshed.pop("unsaved", None)  # stored by now
        return str(_refreshed["token"])


def _renew_and_remember(stored: str) -> str:
    """Renew; the refresh token to store: one Google just rotated, or one an
    earlier renewal could not store."""
    body = _renew(refresh_token(stored))
    lifetime = float(body.get("expires_in", 3600))
    _refreshed.update(token=body["access_token"], expires=time.time() + lifetime)
    if body.get("refresh_token"):
        # Held here first: should storing it fail, this process still renews
        # with the live token and stores it next time.
        _refreshed["unsaved"] = str(body["refresh_token"])
    return str(_refreshed.get("unsaved") or "")


def _renew(token: str) -> dict[str, Any]:
    try:
        answer = requests.post(
            settings.YOUTUBE_TOKEN_URL,
            data={
                "grant_type": "refresh_token",
                "client_id": settings.YOUTUBE_CLIENT_ID,
                "client_secret": settings.YOUTUBE_CLIENT_SECRET,
                "refresh_token": token,
            },
            timeout=settings.CHANNELS_HTTP_TIMEOUT,
        )
    except requests.RequestException as exc:
        raise PlatformError(
            kind="transient",
            message_da="YouTube: kunne ikke forny adgangen (ingen forbindelse).",
        ) from exc
    if answer.status_code >= 500 or answer.status_code == 429:
        # Google's hiccup says nothing about the refresh token: keep it, try later.
        raise PlatformError(
            kind="transient",
            message_da=f"YouTube: kunne ikke forny adgangen lige nu (HTTP "
            f"{answer.status_code}); der prøves igen.",
        )
    if answer.status_code != 200:
        raise PlatformError(
            kind="auth",
            message_da="YouTube: fornyelsen af login blev "
            f"afvist (HTTP {answer.status_code}). Log ind igen.",
        )
    return answer.json()
