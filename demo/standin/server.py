"""The stand-in's HTTP server: routing, auth, faults, usage headers, control API."""

from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
import uuid
from dataclasses import asdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlparse

from . import detsker, fediverse, graph, youtube
from .state import ACTS_FIRST, FAULT_KINDS, Fault, StandinState
from .wire import Reply, Request, google_error, graph_error, parse_body

ALLOWED_HOSTS = ("127.0.0.1",)


def token_fingerprint(token: str) -> str:
    """Tells two logins apart in the request log without keeping either token."""
    return hashlib.sha256(token.encode()).hexdigest()[:12] if token else ""


def route(path: str) -> tuple[str, list[str]]:
    parts = [p for p in path.split("/") if p]
    if parts and parts[0] == "_control":
        return "control", parts[1:]
    if parts and parts[0].startswith("v") and parts[0][1:].replace(".", "").isdigit():
        return "graph", parts[1:]
    if parts and parts[0] == "youtube":
        return "youtube", parts[1:]
    if parts and parts[0] == "detsker":
        return "detsker", parts[1:]
    if parts and parts[0] == "fediverse":
        return "fediverse", parts[1:]
    return "", parts


def fault_reply(platform: str, kind: str) -> Reply:
    if platform in ("facebook", "instagram"):
        return {
            "transient": graph_error(
                500,
                2,
                "An unexpected error has occurred. Please retry your request later.",
                transient=True,
            ),
            "token_expired": graph_error(
                401, 190, "Error validating access token: Session has expired.", subcode=463
            ),
            "permanent": graph_error(400, 100, "(#100) Invalid parameter"),
            "rate_limit": Reply(
                400,
                graph_error(400, 4, "(#4) Application request limit reached", transient=True).body,
                {
                    "Retry-After": "60",
                    "X-App-Usage": json.dumps(
                        {"call_count": 100, "total_cputime": 40, "total_time": 40}
                    ),
                },
            ),
        }[kind]
    if platform == "youtube":
        return {
            "transient": google_error(503, "backendError", "Backend Error"),
            "token_expired": google_error(
                401, "authError", "Request had invalid authentication credentials."
            ),
            "permanent": google_error(400, "invalidVideoMetadata", "Invalid video metadata."),
            "rate_limit": Reply(
                403,
                google_error(403, "rateLimitExceeded", "Rate Limit Exceeded").body,
                {"Retry-After": "60"},
            ),
        }[kind]
    return {
        "transient": Reply(503, {"error": "Midlertidigt utilgængelig."}),
        "token_expired": Reply(401, {"error": "Ugyldig eller udløbet token."}),
        "permanent": Reply(422, {"error": "Dokumentet blev afvist."}),
        "rate_limit": Reply(429, {"error": "For mange kald."}, {"Retry-After": "60"}),
    }[kind]


class StandinHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: StandinHTTPServer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        """Silent: every request is recorded in the stand-in's state (/_control/requests)."""

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_PUT(self) -> None:
        self._serve("PUT")

    def do_DELETE(self) -> None:
        self._serve("DELETE")

    def _serve(self, method: str) -> None:
        state = self.server.state
        parsed = urlparse(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = parse_body(raw, self.headers.get("Content-Type", ""))
        except ValueError:
            self._send(Reply(400, {"error": "invalid body"}))
            return
        auth = self.headers.get("Authorization", "")
        req = Request(
            method,
            parsed.path,
            dict(parse_qsl(parsed.query)),
            body,
            auth.removeprefix("Bearer ").strip(),
        )
        kind, parts = route(parsed.path)
        if kind == "control":
            self._send(control(state, req, parts))
            return
        platform = graph.platform_of(state, parts) if kind == "graph" else kind
        with state.lock:
            state.requests.append(
                {
                    "method": method,
                    "path": parsed.path,
                    "platform": platform,
                    "query": req.query,
                    # Which login called, never the token itself (test_failures).
                    "login": token_fingerprint(req.token),
                }
            )
        reply = self._guard(state, req, kind, platform, parts)
        if reply is not None:
            self._send(reply, platform)
            return
        fault = state.take_fault(platform, req.is_write, parsed.path)
        if fault and fault.kind not in ACTS_FIRST:
            self._send(fault_reply(platform, fault.kind), platform)
            return
        if kind == "fediverse":
            host, port = self.server.server_address[:2]
            reply = fediverse.handle(state, req, parts, f"http://{host}:{port}")
        else:
            handler = {"graph": graph.handle, "youtube": youtube.handle, "detsker": detsker.handle}
            reply = handler[kind](state, req, parts)
        if fault and fault.kind == "slow_answer":
            # The platform acted and takes its time to say so (a worker hangs mid-send).
            time.sleep(fault.delay)
        if fault and fault.kind == "lost_answer":
            # The platform acted, but the answer never reaches the caller.
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        self._send(reply, platform)

    def _guard(
        self, state: StandinState, req: Request, kind: str, platform: str, parts: list[str]
    ) -> Reply | None:
        if kind == "":
            return Reply(404, {"error": "unknown platform path"})
        if kind == "youtube" and parts in (["token"], ["tokeninfo"]):
            return None
        if kind == "fediverse":
            return None  # signed (HTTP signatures), not a bearer token
        if not req.token or req.token in state.config["revoked_tokens"]:
            if kind == "graph":
                return graph_error(
                    401, 190, "Invalid OAuth access token - Cannot parse access token"
                )
            if kind == "youtube":
                return google_error(
                    401, "authError", "Request is missing required authentication credential."
                )
            return Reply(401, {"error": "Mangler eller ugyldig token."})
        return None

    def _send(self, reply: Reply, platform: str = "") -> None:
        payload = b"" if reply.body is None else json.dumps(reply.body).encode()
        self.send_response(reply.status)
        if payload and "Content-Type" not in reply.headers:
            self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(payload)))
        if platform in ("facebook", "instagram") and "X-App-Usage" not in reply.headers:
            usage = self.server.state.app_usage_percent()
            self.send_header(
                "X-App-Usage",
                json.dumps(
                    {"call_count": usage, "total_cputime": usage // 2, "total_time": usage // 2}
                ),
            )
            self.send_header("x-fb-trace-id", uuid.uuid4().hex[:11])
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if payload:
            self.wfile.write(payload)


def control(state: StandinState, req: Request, parts: list[str]) -> Reply:
    """Test and demo controls: faults, recorded posts, config, clock, seeded videos."""
    what = parts[0] if parts else ""
    with state.lock:
        if what == "faults" and req.method == "POST":
            if req.body.get("kind") not in FAULT_KINDS:
                return Reply(400, {"error": f"kind must be one of {FAULT_KINDS}"})
            count = req.body.get("count")
            fault = Fault(
                platform=str(req.body.get("platform", "*")),
                kind=req.body["kind"],
                count=int(count) if count is not None else None,
                rate=float(req.body.get("rate", 1.0)),
                writes_only=bool(req.body.get("writes_only", False)),
                path=str(req.body.get("path", "")),
                delay=float(req.body.get("delay", 0.0)),
            )
            state.faults.append(fault)
            return Reply(201, asdict(fault))
        if what == "faults" and req.method == "DELETE":
            state.faults.clear()
            return Reply(200, {"faults": []})
        if what == "faults":
            return Reply(200, {"faults": [asdict(f) for f in state.faults]})
        if what == "posts":
            return Reply(
                200,
                {
                    "facebook": [p for p in state.fb_posts.values() if not p["deleted"]],
                    "facebook_deleted": [p for p in state.fb_posts.values() if p["deleted"]],
                    "instagram": list(state.ig_media.values()),
                    "youtube": state.videos,
                    "detsker": {k: v["doc"] for k, v in state.listings.items()},
                    "fediverse": list(state.fediverse_inbox),
                },
            )
        if what == "requests":
            return Reply(200, {"requests": state.requests[-2000:], "total": len(state.requests)})
        if what == "reset" and req.method == "POST":
            state.reset()
            return Reply(200, {"ok": True})
        if what == "config" and req.method == "POST":
            state.config.update(req.body)
            return Reply(200, state.config)
        if what == "clock" and req.method == "POST":
            state.clock_offset += float(req.body.get("advance", 0))
            return Reply(200, {"now": state.now()})
        if what == "videos" and req.method == "POST":
            video_id = str(req.body["id"])
            state.videos[video_id] = {
                "snippet": req.body.get("snippet", {}),
                "statistics": req.body.get(
                    "statistics", {"viewCount": "120", "likeCount": "9", "commentCount": "3"}
                ),
            }
            return Reply(201, {"id": video_id})
    return Reply(404, {"error": "unknown control"})


class StandinHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], state: StandinState) -> None:
        self.state = state
        super().__init__(address, StandinHandler)


class PlatformStandin:
    """The stand-in as an object: start it in a thread (tests) or serve forever (demo)."""

    def __init__(self, port: int = 0, host: str = "127.0.0.1") -> None:
        if host not in ALLOWED_HOSTS:
            raise ValueError("The platform stand-in only binds 127.0.0.1.")
        self.state = StandinState()
        self.httpd = StandinHTTPServer((host, port), self.state)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> PlatformStandin:
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, daemon=True, name="platform-standin"
        )
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self.httpd.serve_forever()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
