"""The one HTTP client every platform module talks through.

Shared here so timeouts, error mapping, usage headers and secrecy are decided
once: tokens travel only in the Authorization header (never in URLs, which
may end up in logs), and every failure becomes a typed `PlatformError` whose
`kind` tells the publishing service what to do next.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import requests
from django.conf import settings

logger = logging.getLogger("voresishoj.channels")

ErrorKind = Literal["transient", "rate_limited", "auth", "permanent", "lost"]

KIND_TEXT_DA: dict[str, str] = {
    "transient": "midlertidig fejl hos platformen",
    "rate_limited": "platformen beder os vente (for mange kald)",
    "auth": "login til platformen virker ikke længere",
    "permanent": "platformen afviste opslaget",
    "lost": "svaret fra platformen gik tabt",
}


@dataclass(frozen=True)
class PlatformError(Exception):
    """A failed platform call, classified for the publishing service."""

    kind: ErrorKind
    message_da: str
    """Shown to editors: what happened, in Danish, with the platform's own reason."""
    code: int | None = None
    trace_id: str = ""
    retry_after: float | None = None
    """Seconds the platform asked us to wait, if it said so."""
    drop_draft: tuple[str, ...] = ()
    """Keys of Publication.draft the failed platform object made useless (e.g. an
    Instagram container that ended in ERROR), so a retry starts afresh."""
    subcode: int | None = None
    """The platform's finer error code where it has one (Meta's error_subcode)."""
    field: str = ""
    """The page field the editor fixes this in (channels.platforms.base.FIELD_HELP);
    empty when no field can, e.g. the platform is down or the login expired."""

    def __str__(self) -> str:
        return self.message_da


@dataclass
class Response:
    status: int
    data: Any
    headers: Mapping[str, str] = field(default_factory=dict)


UsageListener = Callable[[Mapping[str, str]], None]
ErrorMapper = Callable[[str, int, Any, "float | None"], "PlatformError | None"]
"""A platform family's own error shape -> PlatformError (None: not its shape)."""


class PlatformClient:
    """A requests Session bound to one platform's base URL and token."""

    def __init__(
        self,
        platform_label: str,
        base_url: str,
        token_provider: Callable[[], str],
        *,
        on_headers: UsageListener | None = None,
        error_mapper: ErrorMapper | None = None,
    ) -> None:
        self.platform_label = platform_label
        self.base_url = base_url.rstrip("/")
        self._token_provider = token_provider
        self._on_headers = on_headers
        self._error_mapper = error_mapper
        self.session = requests.Session()

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json_body: Any = None,
        data: Mapping[str, Any] | None = None,
        url: str | None = None,
    ) -> Response:
        """Send one request; raises PlatformError for anything but a 2xx.

        A write whose answer never arrives (the connection dropped after the
        request was sent) is `lost`, not `transient`: the platform may have
        acted on it, so the caller must look before it retries.
        """
        target = url or f"{self.base_url}/{path.lstrip('/')}"
        headers = {"Authorization": f"Bearer {self._token_provider()}"}
        is_write = method.upper() in ("POST", "PUT", "DELETE", "PATCH")
        try:
            raw = self.session.request(
                method,
                target,
                params=params,
                json=json_body,
                data=data,
                headers=headers,
                timeout=(3.05, settings.CHANNELS_HTTP_TIMEOUT),
            )
        except requests.ConnectTimeout as exc:
            raise self._error("transient", "kunne ikke få forbindelse") from exc
        except requests.ConnectionError as exc:
            if _never_sent(exc):
                raise self._error("transient", "kunne ikke få forbindelse") from exc
            kind: ErrorKind = "lost" if is_write else "transient"
            raise self._error(kind, "forbindelsen blev afbrudt før svaret kom") from exc
        except requests.Timeout as exc:
            kind = "lost" if is_write else "transient"
            raise self._error(kind, "platformen svarede ikke i tide") from exc
        if self._on_headers is not None:
            self._on_headers(raw.headers)
        try:
            body = raw.json() if raw.content else {}
        except ValueError:
            body = {"raw": raw.text[:500]}
        if 200 <= raw.status_code < 300:
            return Response(raw.status_code, body, raw.headers)
        raise self._map_error(raw, body)

    def _error(self, kind: ErrorKind, reason: str, **extra: Any) -> PlatformError:
        return PlatformError(
            kind=kind,
            message_da=f"{self.platform_label}: {KIND_TEXT_DA[kind]} ({reason}).",
            **extra,
        )

    def _map_error(self, raw: requests.Response, body: Any) -> PlatformError:
        retry_after = _retry_after(raw.headers)
        if self._error_mapper is not None:
            mapped = self._error_mapper(self.platform_label, raw.status_code, body, retry_after)
            if mapped is not None:
                return mapped
        message = body.get("error") if isinstance(body, dict) else None
        reason = message if isinstance(message, str) else f"HTTP {raw.status_code}"
        trace = raw.headers.get("X-Request-Id", "")
        return self._error(
            _kind_for_status(raw.status_code),
            reason,
            code=raw.status_code,
            trace_id=trace,
            retry_after=retry_after,
        )


def _never_sent(exc: requests.ConnectionError) -> bool:
    text = repr(exc)
    return "NewConnectionError" in text or "Connection refused" in text


def _retry_after(headers: Mapping[str, str]) -> float | None:
    value = headers.get("Retry-After")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _kind_for_status(status: int) -> ErrorKind:
    if status == 401:
        return "auth"
    if status == 429:
        return "rate_limited"
    if status >= 500 or status == 408:
        return "transient"
    return "permanent"
