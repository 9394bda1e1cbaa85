"""The one HTTP client every platform module talks through.

Shared here so timeouts, error mapping, usage headers and secrecy are decided
once: tokens travel only in the Authorization header (never in URLs, which
may end up in logs), and every failure becomes a typed `PlatformError` whose
`kind` tells the publishing service what to do next.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import requests
from django.conf import settings

logger = logging.getLogger("voresishoj.channels")

ErrorKind = Literal["transient", "rate_limited", "auth", "permanent", "lost"]

# Graph API throttling codes (app, user, page, custom) and the business use
# case range 80000–80014.
GRAPH_THROTTLING_CODES = frozenset({4, 17, 32, 613, *range(80000, 80015)})
GRAPH_TRANSIENT_CODES = frozenset({1, 2})
GRAPH_AUTH_CODES = frozenset({190, 102})
# Instagram's "too many posts in 24 hours" comes as code 9 with this subcode.
GRAPH_LIMIT_SUBCODES = frozenset({2207042})

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

    def __str__(self) -> str:
        return self.message_da


@dataclass
class Response:
    status: int
    data: Any
    headers: Mapping[str, str] = field(default_factory=dict)


UsageListener = Callable[[Mapping[str, str]], None]


class PlatformClient:
    """A requests Session bound to one platform's base URL and token."""

    def __init__(
        self,
        platform_label: str,
        base_url: str,
        token_provider: Callable[[], str],
        *,
        on_headers: UsageListener | None = None,
        error_style: Literal["graph", "google", "plain"] = "graph",
    ) -> None:
        self.platform_label = platform_label
        self.base_url = base_url.rstrip("/")
        self._token_provider = token_provider
        self._on_headers = on_headers
        self._error_style = error_style
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
        if self._error_style == "graph" and isinstance(body, dict) and "error" in body:
            return graph_error(self.platform_label, raw.status_code, body["error"], retry_after)
        if self._error_style == "google" and isinstance(body, dict) and "error" in body:
            return google_error(self.platform_label, raw.status_code, body["error"], retry_after)
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


def graph_error(
    label: str, status: int, error: Mapping[str, Any], retry_after: float | None
) -> PlatformError:
    """Map a Graph API error object (Facebook, Instagram) to a PlatformError."""
    code = error.get("code")
    subcode = error.get("error_subcode")
    kind: ErrorKind
    if code in GRAPH_AUTH_CODES or status == 401:
        kind = "auth"
    elif code in GRAPH_THROTTLING_CODES or status == 429 or subcode in GRAPH_LIMIT_SUBCODES:
        kind = "rate_limited"
    elif error.get("is_transient") or code in GRAPH_TRANSIENT_CODES or status >= 500:
        kind = "transient"
    else:
        kind = "permanent"
    reason = str(error.get("message") or f"HTTP {status}")
    detail = f"kode {code}" + (f"/{subcode}" if subcode else "")
    return PlatformError(
        kind=kind,
        message_da=f"{label}: {KIND_TEXT_DA[kind]} – platformens begrundelse: "
        f"»{reason}« ({detail}).",
        code=code if isinstance(code, int) else status,
        trace_id=str(error.get("fbtrace_id") or ""),
        retry_after=retry_after,
    )


def google_error(
    label: str, status: int, error: Mapping[str, Any], retry_after: float | None
) -> PlatformError:
    """Map a Google API error object (YouTube) to a PlatformError."""
    reasons = {e.get("reason") for e in error.get("errors", []) if isinstance(e, dict)}
    kind: ErrorKind
    if status == 401:
        kind = "auth"
    elif reasons & {"quotaExceeded", "rateLimitExceeded", "userRateLimitExceeded"} or (
        status == 429
    ):
        kind = "rate_limited"
    elif status >= 500 or reasons & {"backendError", "internalError"}:
        kind = "transient"
    else:
        kind = "permanent"
    reason = str(error.get("message") or f"HTTP {status}")
    return PlatformError(
        kind=kind,
        message_da=f"{label}: {KIND_TEXT_DA[kind]} – platformens begrundelse: »{reason}«.",
        code=status,
        trace_id=",".join(sorted(r for r in reasons if r)),
        retry_after=retry_after,
    )


def parse_usage_percent(headers: Mapping[str, str]) -> int | None:
    """The highest percentage in X-App-Usage / X-Business-Use-Case-Usage, if any."""
    values: list[float] = []
    for name in ("X-App-Usage", "X-Business-Use-Case-Usage"):
        raw = headers.get(name)
        if not raw:
            continue
        try:
            parsed = json.loads(raw)
        except ValueError:
            continue
        entries: list[Any] = (
            [parsed]
            if name == "X-App-Usage"
            else [item for items in parsed.values() if isinstance(items, list) for item in items]
        )
        for entry in entries:
            if isinstance(entry, dict):
                for key in ("call_count", "total_time", "total_cputime"):
                    if isinstance(entry.get(key), int | float):
                        values.append(float(entry[key]))
    return int(max(values)) if values else None
