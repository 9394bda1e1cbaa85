"""Talking to other servers without being turned against our own network.

In production only https to public addresses: every address a name resolves
to is checked before connecting, the connection goes to that checked address
(no second DNS answer can swap it), and redirects are followed by hand so
each hop is checked again. Under the dev settings `http` to loopback is
allowed, so a server on the same machine can follow the demo.
"""

from __future__ import annotations

import ipaddress
import json
import socket
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.core.cache import cache
from requests.adapters import HTTPAdapter

USER_AGENT = "VoresIshoej/1.0 (+ActivityPub; Django)"
ACCEPT = 'application/activity+json, application/ld+json; profile="https://www.w3.org/ns/activitystreams"'
MAX_REDIRECTS = 3
MAX_DOCUMENT_BYTES = 1024 * 1024
KEY_CACHE_SECONDS = 3600


class UnsafeAddress(Exception):
    """The URL points where the portal must not go (private network, plain http, ...)."""


class FetchError(Exception):
    """The remote document could not be fetched or read."""


def _loopback_allowed() -> bool:
    return bool(getattr(settings, "FEDIVERSE_ALLOW_HTTP_LOOPBACK", False))


def check_url(url: str) -> str:
    """The address to connect to for `url`, or UnsafeAddress. Resolves the name once."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme not in ("https", "http") or not host:
        raise UnsafeAddress(f"not a web address: {url[:100]}")
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
    except (socket.gaierror, UnicodeError) as error:
        raise UnsafeAddress(f"cannot resolve {host}") from error
    addresses = {info[4][0] for info in infos}
    loopback_ok = _loopback_allowed()
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if ip.is_loopback and loopback_ok:
            continue
        if not ip.is_global or ip.is_multicast:
            raise UnsafeAddress(f"{host} resolves to a non-public address")
    if parts.scheme == "http":
        all_loopback = all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses)
        if not (loopback_ok and all_loopback):
            raise UnsafeAddress("only https is allowed")
    return sorted(addresses)[0]


class _PinnedAdapter(HTTPAdapter):
    """Connects to the address `check_url` approved, keeping the name for TLS and Host."""

    def __init__(self, address: str) -> None:
        self.address = address
        super().__init__(max_retries=0)

    def send(self, request, **kwargs):
        parts = urlsplit(request.url)
        if parts.scheme == "https":
            # TLS keeps checking the certificate against the name, not the address.
            self.poolmanager.connection_pool_kw["server_hostname"] = parts.hostname
            self.poolmanager.connection_pool_kw["assert_hostname"] = parts.hostname
        host = self.address if ":" not in self.address else f"[{self.address}]"
        netloc = host + (f":{parts.port}" if parts.port else "")
        request.headers["Host"] = parts.netloc
        request.url = parts._replace(netloc=netloc).geturl()
        return super().send(request, **kwargs)


def timeout() -> tuple[float, float]:
    return (settings.FEDIVERSE_CONNECT_TIMEOUT, settings.FEDIVERSE_READ_TIMEOUT)


def safe_request(method: str, url: str, **kwargs: Any) -> requests.Response:
    """One request to a checked address, following at most MAX_REDIRECTS checked hops."""
    for _ in range(MAX_REDIRECTS + 1):
        address = check_url(url)
        session = requests.Session()
        session.mount(f"{urlsplit(url).scheme}://", _PinnedAdapter(address))
        headers = {"User-Agent": USER_AGENT, **kwargs.pop("headers", {})}
        response = session.request(
            method,
            url,
            headers=headers,
            timeout=timeout(),
            allow_redirects=False,
            stream=True,
            **kwargs,
        )
        if response.status_code in (301, 302, 303, 307, 308) and "location" in response.headers:
            url = urljoin(url, response.headers["location"])
            kwargs["headers"] = headers
            if response.status_code == 303:
                method = "GET"
            continue
        return response
    raise FetchError("too many redirects")


def fetch_document(url: str) -> dict:
    """A remote ActivityStreams document (actor, key), size-limited."""
    try:
        response = safe_request("GET", url, headers={"Accept": ACCEPT})
        if response.status_code != 200:
            raise FetchError(f"{response.status_code} from {urlsplit(url).netloc}")
        body = response.raw.read(MAX_DOCUMENT_BYTES + 1, decode_content=True)
        if len(body) > MAX_DOCUMENT_BYTES:
            raise FetchError("document too large")
        document = json.loads(body)
    except (requests.RequestException, ValueError) as error:
        raise FetchError(f"{type(error).__name__} fetching {urlsplit(url).netloc}") from error
    if not isinstance(document, dict):
        raise FetchError("not a JSON object")
    return document


def remote_actor(key_id: str, *, refresh: bool = False) -> dict:
    """The actor owning `key_id` (its publicKey, inbox, sharedInbox), cached an hour.

    `refresh` fetches again: a signature that fails with the cached key may be
    made with a key the actor has just rotated.
    """
    actor_url = key_id.split("#", 1)[0]
    cache_key = f"fediverse:actor:{actor_url}"
    if not refresh:
        cached = cache.get(cache_key)
        if cached is not None:
            return cached
    document = fetch_document(actor_url)
    if document.get("type") not in (
        None,
        "Person",
        "Service",
        "Application",
        "Group",
        "Organization",
    ):
        # A key document: its owner is the actor.
        owner = document.get("owner")
        if isinstance(owner, str) and document.get("publicKeyPem"):
            document = fetch_document(owner)
    key = document.get("publicKey") or {}
    if isinstance(key, list):
        key = next((k for k in key if isinstance(k, dict) and k.get("id") == key_id), {})
    actor = {
        "id": str(document.get("id") or ""),
        "inbox": str(document.get("inbox") or ""),
        "shared_inbox": str((document.get("endpoints") or {}).get("sharedInbox") or ""),
        "key_id": str(key.get("id") or ""),
        "public_pem": str(key.get("publicKeyPem") or ""),
        "owner": str(key.get("owner") or ""),
    }
    if not actor["public_pem"] or not actor["inbox"]:
        raise FetchError("actor without inbox or public key")
    cache.set(cache_key, actor, KEY_CACHE_SECONDS)
    return actor
