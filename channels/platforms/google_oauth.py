"""Google's OAuth for the YouTube APIs: an access token on demand.

With a client id, secret and refresh token the portal renews its hourly
access token itself. Google may hand out a new refresh token in a refresh
answer; it is kept and used from then on, and an answer without one never
replaces the refresh token that works.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import requests
from django.conf import settings

from channels.http import PlatformError

_token_lock = threading.Lock()
_refreshed: dict[str, Any] = {}


def refresh_token() -> str:
    """The refresh token in use: one Google handed us in a refresh answer, else the
    configured one. An answer without a refresh token never replaces a working one."""
    return str(_refreshed.get("refresh_token") or settings.YOUTUBE_REFRESH_TOKEN)


def access_token() -> str:
    """The configured access token, or one fetched with the OAuth refresh token."""
    if settings.YOUTUBE_ACCESS_TOKEN:
        return settings.YOUTUBE_ACCESS_TOKEN
    with _token_lock:
        if _refreshed.get("expires", 0) > time.time() + 60:
            return str(_refreshed["token"])
        try:
            answer = requests.post(
                settings.YOUTUBE_TOKEN_URL,
                data={
                    "grant_type": "refresh_token",
                    "client_id": settings.YOUTUBE_CLIENT_ID,
                    "client_secret": settings.YOUTUBE_CLIENT_SECRET,
                    "refresh_token": refresh_token(),
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
        body = answer.json()
        lifetime = float(body.get("expires_in", 3600))
        _refreshed.update(token=body["access_token"], expires=time.time() + lifetime)
        if body.get("refresh_token"):
            _refreshed["refresh_token"] = str(body["refresh_token"])
        return str(_refreshed["token"])
