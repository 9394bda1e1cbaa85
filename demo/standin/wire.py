"""Requests, replies and the platforms' error bodies, shared by the stand-in's modules."""

from __future__ import annotations

import io
import json
import urllib.request
import uuid
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    body: dict[str, Any]
    token: str

    @property
    def is_write(self) -> bool:
        return self.method in ("POST", "PUT", "DELETE", "PATCH")


@dataclass
class Reply:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


def graph_error(
    status: int,
    code: int,
    message: str,
    *,
    subcode: int | None = None,
    transient: bool = False,
    kind: str = "OAuthException",
) -> Reply:
    error: dict[str, Any] = {
        "message": message,
        "type": kind,
        "code": code,
        "is_transient": transient,
        "fbtrace_id": "A" + uuid.uuid4().hex[:20],
    }
    if subcode is not None:
        error["error_subcode"] = subcode
    return Reply(status, {"error": error})


def google_error(status: int, reason: str, message: str) -> Reply:
    return Reply(
        status,
        {
            "error": {
                "code": status,
                "message": message,
                "errors": [{"message": message, "domain": "youtube.video", "reason": reason}],
                "status": {
                    400: "INVALID_ARGUMENT",
                    401: "UNAUTHENTICATED",
                    403: "PERMISSION_DENIED",
                    404: "NOT_FOUND",
                }.get(status, "UNAVAILABLE"),
            }
        },
    )


@dataclass(frozen=True)
class FetchedImage:
    size: int
    is_jpeg: bool
    width: int
    height: int
    error: str = ""


def fetch_image(url: str, limit: int = 20 * 1024 * 1024) -> FetchedImage:
    """Download a media URL the way the platforms do; only from this machine."""
    from urllib.parse import urlparse

    host = urlparse(url).hostname or ""
    if host not in ("127.0.0.1", "localhost"):
        return FetchedImage(0, False, 0, 0, "the stand-in only fetches from 127.0.0.1")
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:  # noqa: S310 - local only
            data = answer.read(limit + 1)
    except OSError as exc:
        return FetchedImage(0, False, 0, 0, f"could not fetch: {exc}")
    try:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
    except Exception:  # noqa: BLE001 - anything unreadable is "not an image"
        width = height = 0
    return FetchedImage(len(data), data[:3] == b"\xff\xd8\xff", width, height)


def parse_body(raw: bytes, content_type: str) -> dict[str, Any]:
    if not raw:
        return {}
    if "json" in content_type:
        parsed = json.loads(raw)
        return parsed if isinstance(parsed, dict) else {"_": parsed}
    from urllib.parse import parse_qsl

    return dict(parse_qsl(raw.decode()))
