"""HTTP signatures both ways: draft-cavage rsa-sha256 and RFC 9421.

Most servers still sign with draft-cavage-http-signatures-12 (Mastodon since
2017, Friendica, Gancio); Mastodon 4.5 also accepts RFC 9421. The cavage
signing string is a few header lines and RSA-SHA256 from `cryptography`;
RFC 9421 is `http-message-signatures`, whose parser of structured fields we
would not want to write again.

We answer a server in the scheme it signed its Follow with, and sign with
cavage where we do not know (what every server accepts).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from urllib.parse import urlsplit

from cryptography.exceptions import InvalidSignature as CryptoInvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from http_message_signatures import (
    HTTPMessageSigner,
    HTTPMessageVerifier,
    HTTPSignatureKeyResolver,
    algorithms,
)
from http_message_signatures.exceptions import HTTPMessageSignaturesException

MAX_AGE = timedelta(hours=1)
"""A signature older than this (by Date or `created`) is stale and refused."""
CLOCK_SKEW = timedelta(minutes=5)
"""How far in the future a Date or `created` may lie (clocks drift)."""

_CAVAGE_PARAM = re.compile(r'(\w+)="([^"]*)"')


class SignatureError(Exception):
    """The request's signature is missing, malformed, stale or false (answered 401)."""


@dataclass
class SignedRequest:
    """A request as both signature schemes see it: method, full URL, headers."""

    method: str
    url: str
    headers: dict[str, str] = field(default_factory=dict)

    def header(self, name: str) -> str:
        for key, value in self.headers.items():
            if key.lower() == name.lower():
                return value
        return ""


def generate_key_pair() -> tuple[str, str]:
    """(private PEM, public PEM) of a new 2048-bit RSA key, what Mastodon uses."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    return private, public


@functools.lru_cache(maxsize=16)
def private_key(pem: str) -> rsa.RSAPrivateKey:
    """Our own key, loaded once: loading checks the RSA key, which costs ~0.3 s a time."""
    key = serialization.load_pem_private_key(pem.encode(), password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    return key


def digest_header(body: bytes) -> str:
    return "SHA-256=" + base64.b64encode(hashlib.sha256(body).digest()).decode()


def _target(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return parts.netloc, path


# --- draft-cavage ------------------------------------------------------------------------


def _cavage_string(request: SignedRequest, names: list[str]) -> str:
    host, path = _target(request.url)
    lines = []
    for name in names:
        if name == "(request-target)":
            lines.append(f"(request-target): {request.method.lower()} {path}")
        elif name == "host":
            lines.append(f"host: {request.header('host') or host}")
        else:
            value = request.header(name)
            if not value and name not in ("content-length",):
                raise SignatureError(f"signed header {name} is missing")
            lines.append(f"{name}: {value}")
    return "\n".join(lines)


def sign_cavage(request: SignedRequest, key_id: str, private_pem: str, body: bytes | None) -> None:
    """Add Date, Host, Digest (with a body) and a cavage Signature header, in place."""
    host, _ = _target(request.url)
    request.headers.setdefault("Date", format_datetime(datetime.now(UTC), usegmt=True))
    request.headers.setdefault("Host", host)
    names = ["(request-target)", "host", "date"]
    if body is not None:
        request.headers["Digest"] = digest_header(body)
        names.append("digest")
    signature = private_key(private_pem).sign(
        _cavage_string(request, names).encode(), padding.PKCS1v15(), hashes.SHA256()
    )
    request.headers["Signature"] = (
        f'keyId="{key_id}",algorithm="rsa-sha256",headers="{" ".join(names)}",'
        f'signature="{base64.b64encode(signature).decode()}"'
    )


def cavage_key_id(request: SignedRequest) -> str:
    return dict(_CAVAGE_PARAM.findall(request.header("signature"))).get("keyId", "")


def verify_cavage(request: SignedRequest, public_pem: str, body: bytes) -> None:
    """Raise SignatureError unless the cavage signature, its Date and Digest hold."""
    params = dict(_CAVAGE_PARAM.findall(request.header("signature")))
    if params.get("algorithm", "rsa-sha256") not in ("rsa-sha256", "hs2019"):
        raise SignatureError("unsupported algorithm")
    names = (params.get("headers") or "date").lower().split()
    required = {"(request-target)", "host", "date"} | ({"digest"} if body else set())
    if not required <= set(names):
        raise SignatureError(f"signature must cover {', '.join(sorted(required))}")
    _check_date(request.header("date"))
    if body and request.header("digest") != digest_header(body):
        # Other digest algorithms (SHA-512) are allowed by the draft, but nobody sends them.
        raise SignatureError("digest does not match the body")
    try:
        signature = base64.b64decode(params.get("signature", ""), validate=True)
        key = serialization.load_pem_public_key(public_pem.encode())
        assert isinstance(key, rsa.RSAPublicKey)
        key.verify(
            signature, _cavage_string(request, names).encode(), padding.PKCS1v15(), hashes.SHA256()
        )
    except (CryptoInvalidSignature, ValueError, AssertionError) as error:
        raise SignatureError("signature does not verify") from error


def _check_date(value: str) -> None:
    try:
        sent = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError) as error:
        raise SignatureError("no valid Date header") from error
    if sent.tzinfo is None:
        sent = sent.replace(tzinfo=UTC)
    now = datetime.now(UTC)
    if sent < now - MAX_AGE or sent > now + CLOCK_SKEW:
        raise SignatureError("Date is stale or in the future")


# --- RFC 9421 ----------------------------------------------------------------------------


class _Resolver(HTTPSignatureKeyResolver):
    def __init__(self, public: Callable[[str], str] | None = None, private: str = "") -> None:
        self._public = public
        self._private = private

    def resolve_public_key(self, key_id: str):
        assert self._public is not None
        return serialization.load_pem_public_key(self._public(key_id).encode())

    def resolve_private_key(self, key_id: str):
        return private_key(self._private)


def rfc9421_key_id(request: SignedRequest) -> str:
    match = re.search(r'keyid="([^"]*)"', request.header("signature-input"))
    return match.group(1) if match else ""


def sign_rfc9421(request: SignedRequest, key_id: str, private_pem: str, body: bytes | None) -> None:
    """Add Signature-Input, Signature and (with a body) Content-Digest, in place."""
    signer = HTTPMessageSigner(
        signature_algorithm=algorithms.RSA_V1_5_SHA256,
        key_resolver=_Resolver(private=private_pem),
    )
    signer.sign(
        request,
        key_id=key_id,
        label="sig1",
        covered_component_ids=("@method", "@target-uri"),
        body=body,
    )


def verify_rfc9421(request: SignedRequest, public_key: Callable[[str], str], body: bytes) -> None:
    """Raise SignatureError unless one RFC 9421 signature covers method, target and body."""
    verifier = HTTPMessageVerifier(
        signature_algorithm=algorithms.RSA_V1_5_SHA256, key_resolver=_Resolver(public=public_key)
    )
    verifier.max_clock_skew = CLOCK_SKEW
    verifier.allow_label_only_selection = True
    try:
        verifier.verify(
            request,
            max_age=MAX_AGE,
            require_components=("@method", "@target-uri"),
            body=body or None,
        )
    except (HTTPMessageSignaturesException, ValueError, TypeError) as error:
        raise SignatureError(str(error)[:200]) from error


def scheme_of(headers: Mapping[str, str]) -> str:
    """'rfc9421', 'cavage' or '' for a request's signature headers."""
    lower = {k.lower() for k in headers}
    if "signature-input" in lower:
        return "rfc9421"
    if "signature" in lower:
        return "cavage"
    return ""
