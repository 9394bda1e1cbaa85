"""An independent fediverse server for the tests: not the portal's code.

It signs and verifies with other people's implementations: draft-cavage with
httpsig (pyhttpsig), RFC 9421 with http-message-signatures. It serves its
accounts' actor documents, follows the portal's actors, and keeps what its
inboxes receive, deduplicated by activity id as Mastodon does. Faults can be
injected per request: a 500, a 410, or an answer slower than the portal waits.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from http_message_signatures import (
    HTTPMessageSigner,
    HTTPMessageVerifier,
    HTTPSignatureKeyResolver,
    algorithms,
)
from httpsig.sign import HeaderSigner
from httpsig.verify import HeaderVerifier

AS = "https://www.w3.org/ns/activitystreams"
JSON_AP = "application/activity+json"


@functools.cache
def _account_key(name: str) -> tuple[str, str]:
    """One key per account name for the whole run: RSA generation is the slow part."""
    return _new_key()


def _new_key() -> tuple[str, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    ).decode()
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    return private, public


@dataclass
class Message:
    """The request shape http-message-signatures reads."""

    method: str
    url: str
    headers: dict


class _Keys(HTTPSignatureKeyResolver):
    def __init__(self, private: str = "", public_of=None):
        self.private, self.public_of = private, public_of

    def resolve_private_key(self, key_id):
        return serialization.load_pem_private_key(self.private.encode(), password=None)

    def resolve_public_key(self, key_id):
        return serialization.load_pem_public_key(self.public_of(key_id).encode())


@dataclass
class Received:
    path: str
    activity: dict
    scheme: str
    verified: bool
    error: str = ""


@dataclass
class PeerState:
    received: list[Received] = field(default_factory=list)
    """Every POST that reached an inbox and was answered 2xx, in order."""
    faults: list[str] = field(default_factory=list)
    """What to do with the next inbox POSTs: '500', '410', 'slow:<seconds>'."""
    requests: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def processed(self) -> list[dict]:
        """Verified activities, each id once: what a Mastodon timeline would show."""
        seen, out = set(), []
        for item in self.received:
            if item.verified and item.activity.get("id") not in seen:
                seen.add(item.activity.get("id"))
                out.append(item.activity)
        return out


class Peer:
    def __init__(self, accounts=("alice",)):
        self.state = PeerState()
        self.keys = {name: _account_key(name) for name in accounts}
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self) -> Peer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # -- identities ----------------------------------------------------------------------

    def actor_id(self, name: str) -> str:
        return f"{self.url}/users/{name}"

    def actor_document(self, name: str) -> dict:
        return {
            "@context": [AS, "https://w3id.org/security/v1"],
            "id": self.actor_id(name),
            "type": "Person",
            "preferredUsername": name,
            "inbox": f"{self.actor_id(name)}/inbox",
            "endpoints": {"sharedInbox": f"{self.url}/inbox"},
            "publicKey": {
                "id": f"{self.actor_id(name)}#main-key",
                "owner": self.actor_id(name),
                "publicKeyPem": self.keys[name][1],
            },
        }

    # -- outgoing ------------------------------------------------------------------------

    def signed_post(self, name: str, url: str, activity: dict, scheme: str = "cavage", **forge):
        """POST an activity signed as `name` (forge: wrong_key, date, extra_bytes)."""
        body = json.dumps(activity).encode()
        private = _new_key()[0] if forge.get("wrong_key") else self.keys[name][0]
        key_id = f"{self.actor_id(name)}#main-key"
        headers = {"Content-Type": JSON_AP}
        if scheme == "rfc9421":
            prepared = requests.Request("POST", url, data=body, headers=headers).prepare()
            signer = HTTPMessageSigner(
                signature_algorithm=algorithms.RSA_V1_5_SHA256, key_resolver=_Keys(private)
            )
            signer.sign(
                prepared,
                key_id=key_id,
                covered_component_ids=("@method", "@target-uri"),
                body=body,
                created=forge.get("created"),
            )
            headers = dict(prepared.headers)
        else:
            parts = urlsplit(url)
            headers["Date"] = forge.get("date") or format_datetime(datetime.now(UTC), usegmt=True)
            headers["Digest"] = (
                "SHA-256=" + base64.b64encode(hashlib.sha256(body).digest()).decode()
            )
            signer = HeaderSigner(
                key_id,
                private,
                algorithm="rsa-sha256",
                headers=["(request-target)", "host", "date", "digest"],
                sign_header="signature",
            )
            headers = signer.sign(headers, host=parts.netloc, method="POST", path=parts.path)
        if forge.get("tamper"):
            body = body.replace(b"Follow", b"Fellow")
        return requests.post(url, data=body, headers=headers, timeout=10)

    def follow(self, name: str, actor_url: str, scheme: str = "cavage", **forge):
        """Follow the portal's actor as Mastodon does: look it up, POST a signed Follow."""
        actor = requests.get(actor_url, headers={"Accept": JSON_AP}, timeout=10).json()
        follow = {
            "@context": AS,
            "id": f"{self.actor_id(name)}#follows/{uuid.uuid4()}",
            "type": "Follow",
            "actor": self.actor_id(name),
            "object": actor["id"],
        }
        return self.signed_post(name, actor["inbox"], follow, scheme, **forge), follow

    def undo(self, name: str, follow: dict, inbox: str):
        undo = {
            "@context": AS,
            "id": f"{self.actor_id(name)}#undo/{uuid.uuid4()}",
            "type": "Undo",
            "actor": self.actor_id(name),
            "object": follow,
        }
        return self.signed_post(name, inbox, undo)

    # -- incoming ------------------------------------------------------------------------

    def _public_key(self, key_id: str) -> str:
        actor = requests.get(key_id.split("#")[0], headers={"Accept": JSON_AP}, timeout=10).json()
        assert actor["publicKey"]["id"] == key_id
        return actor["publicKey"]["publicKeyPem"]

    def _verify(self, method: str, path: str, headers: dict, body: bytes) -> tuple[str, bool, str]:
        lower = {k.lower(): v for k, v in headers.items()}
        try:
            if "signature-input" in lower:
                key_id = lower["signature-input"].split('keyid="')[1].split('"')[0]
                verifier = HTTPMessageVerifier(
                    signature_algorithm=algorithms.RSA_V1_5_SHA256,
                    key_resolver=_Keys(public_of=self._public_key),
                )
                verifier.allow_label_only_selection = True
                url = f"http://{lower['host']}{path}"
                verifier.verify(Message(method, url, headers), body=body)
                return "rfc9421", True, ""
            key_id = lower["signature"].split('keyId="')[1].split('"')[0]
            expected = "SHA-256=" + base64.b64encode(hashlib.sha256(body).digest()).decode()
            if lower.get("digest") != expected:
                return "cavage", False, "digest"
            verifier = HeaderVerifier(
                headers,
                self._public_key(key_id),
                required_headers=["(request-target)", "host", "date", "digest"],
                method=method,
                path=path,
                host=lower["host"],
                sign_header="signature",
            )
            return "cavage", bool(verifier.verify()), ""
        except Exception as error:  # noqa: BLE001 - the peer records, the test asserts
            return "", False, repr(error)

    def _handler(self):
        peer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format, *args):
                pass

            def _send(self, status: int, data: dict | None = None):
                body = json.dumps(data).encode() if data is not None else b""
                self.send_response(status)
                self.send_header("Content-Type", JSON_AP)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                parts = self.path.strip("/").split("/")
                if len(parts) == 2 and parts[0] == "users" and parts[1] in peer.keys:
                    return self._send(200, peer.actor_document(parts[1]))
                return self._send(404, {"error": "not found"})

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                with peer.state.lock:
                    peer.state.requests += 1
                    fault = peer.state.faults.pop(0) if peer.state.faults else ""
                if fault in ("500", "410"):
                    return self._send(int(fault), {"error": "injected"})
                headers = {k: v for k, v in self.headers.items()}
                scheme, ok, error = peer._verify("POST", self.path, headers, body)
                activity = json.loads(body)
                with peer.state.lock:
                    peer.state.received.append(Received(self.path, activity, scheme, ok, error))
                if fault.startswith("slow:"):
                    # Processed, but answered after the portal stopped waiting.
                    time.sleep(float(fault.split(":")[1]))
                return self._send(202 if ok else 401)

        return Handler
