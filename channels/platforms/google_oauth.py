"""Google's OAuth for the YouTube APIs: an access token on demand.

With a client id, secret and refresh token the portal renews its hourly
access token itself. Google may hand out a new refresh token in a refresh
answer and retire the one we sent; the new one must then outlive this
process, or a restart (or another worker) renews with a dead token. So it
goes to a `RefreshTokenStore` (the database, installed by the app's
`ready()`), and renewals take turns across processes.
An answer without a refresh token never replaces the one that works.
Each YouTube alias is its own `GoogleLogin`, with its own tokens.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import requests
from django.conf import settings

from channels.http import PlatformError

_token_lock = threading.Lock()
_refreshed: dict[str, dict[str, Any]] = {}
"""Per alias: the access token, its expiry and a rotated refresh token not yet stored."""


@dataclass(frozen=True)
class GoogleLogin:
    """One YouTube alias's login, from its OPTIONS."""

    alias: str
    token_url: str
    access_token: str = ""
    """A fixed access token (expires; the secretariat renews it by hand)."""
    client_id: str = ""
    client_secret: str = ""
    refresh_token: str = ""

    def origin(self) -> str:
        """Names the configured login without storing its secret: a stored token
        belongs to the login it replaced, and a newly configured login wins."""
        return hashlib.sha256(self.refresh_token.encode()).hexdigest()


class RefreshTokenStore(Protocol):
    """Where a rotated refresh token outlives the process."""

    def renew_with(self, login: GoogleLogin, renew: Callable[[str], str]) -> None:
        """Call `renew` with the stored refresh token of the configured login ('' when
        none), one process at a time, and store the token it returns unless empty."""
        ...


class _ProcessMemory:
    """Until the app installs a durable store (and in a bare import): this process only."""

    def __init__(self) -> None:
        self.tokens: dict[str, tuple[str, str]] = {}

    def renew_with(self, login: GoogleLogin, renew: Callable[[str], str]) -> None:
        token, origin = self.tokens.get(login.alias, ("", ""))
        kept = renew(token if origin == login.origin() else "")
        if kept:
            self.tokens[login.alias] = (kept, login.origin())


_store: RefreshTokenStore = _ProcessMemory()


def keep_refresh_tokens_in(store: RefreshTokenStore) -> None:
    global _store
    _store = store


def refresh_token(login: GoogleLogin, stored: str = "") -> str:
    """The refresh token to renew with: one Google handed out that could not be
    stored yet, else the stored one, else the configured one."""
    held = _refreshed.get(login.alias, {})
    return str(held.get("unsaved") or stored or login.refresh_token)


def access_token(login: GoogleLogin) -> str:
    """The configured access token, or one fetched with the OAuth refresh token."""
    if login.access_token:
        return login.access_token
    with _token_lock:
        held = _refreshed.setdefault(login.alias, {})
        if held.get("expires", 0) > time.time() + 60:
            return str(held["token"])
        _store.renew_with(login, lambda stored: _renew_and_remember(login, stored))
        held.pop("unsaved", None)  # stored by now
        return str(held["token"])


def _renew_and_remember(login: GoogleLogin, stored: str) -> str:
    """Renew; the refresh token to store: one Google just rotated, or one an
    earlier renewal could not store."""
    body = _renew(login, refresh_token(login, stored))
    lifetime = float(body.get("expires_in", 3600))
    held = _refreshed.setdefault(login.alias, {})
    held.update(token=body["access_token"], expires=time.time() + lifetime)
    if body.get("refresh_token"):
        # Held here first: should storing it fail, this process still renews
        # with the live token and stores it next time.
        held["unsaved"] = str(body["refresh_token"])
    return str(held.get("unsaved") or "")


def _renew(login: GoogleLogin, token: str) -> dict[str, Any]:
    try:
        answer = requests.post(
            login.token_url,
            data={
                "grant_type": "refresh_token",
                "client_id": login.client_id,
                "client_secret": login.client_secret,
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
