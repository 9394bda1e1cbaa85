"""What the stand-in remembers: posts, videos, listings, faults, quotas, its clock."""

from __future__ import annotations

import itertools
import random
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from .seed import ReachSeed

FAULT_KINDS = (
    "transient",
    "lost_answer",
    "slow_answer",
    "token_expired",
    "permanent",
    "rate_limit",
)
ACTS_FIRST = ("lost_answer", "slow_answer")
"""Faults where the platform acts before the answer goes wrong (only writes)."""


@dataclass
class Fault:
    platform: str
    """facebook, instagram, youtube, detsker or * for all."""
    kind: str
    count: int | None = None
    """How many requests it hits; None = until cleared."""
    rate: float = 1.0
    """Probability that a matching request is hit."""
    writes_only: bool = False
    path: str = ""
    """Only requests whose path contains this (e.g. "media_publish")."""
    delay: float = 0.0
    """slow_answer: seconds the answer is held after the platform acted."""


@dataclass
class StandinState:
    lock: threading.RLock = field(default_factory=threading.RLock)
    clock_offset: float = 0.0
    faults: list[Fault] = field(default_factory=list)
    rng: random.Random = field(default_factory=lambda: random.Random(1234))
    ids: itertools.count = field(default_factory=lambda: itertools.count(100001))
    requests: list[dict[str, Any]] = field(default_factory=list)
    fb_posts: dict[str, dict[str, Any]] = field(default_factory=dict)
    ig_containers: dict[str, dict[str, Any]] = field(default_factory=dict)
    ig_media: dict[str, dict[str, Any]] = field(default_factory=dict)
    videos: dict[str, dict[str, Any]] = field(default_factory=dict)
    listings: dict[str, dict[str, Any]] = field(default_factory=dict)
    fediverse_inbox: list[dict[str, Any]] = field(default_factory=list)
    """Activities the demo's fediverse follower received, each id once."""
    _fediverse_key: str = ""
    calls: list[float] = field(default_factory=list)
    youtube_units: dict[str, int] = field(default_factory=dict)
    refresh_tokens_seen: list[str] = field(default_factory=list)
    reach_seed: ReachSeed = field(default_factory=ReachSeed)
    config: dict[str, Any] = field(
        default_factory=lambda: {
            k: list(v) if isinstance(v, list) else v for k, v in DEFAULT_CONFIG.items()
        }
    )

    def now(self) -> float:
        return time.time() + self.clock_offset

    def new_id(self) -> str:
        return str(next(self.ids))

    def take_fault(self, platform: str, is_write: bool, path: str = "") -> Fault | None:
        """The fault to inject into this request, if any (consumes counted faults)."""
        with self.lock:
            for fault in list(self.faults):
                if fault.platform not in (platform, "*"):
                    continue
                if fault.path and fault.path not in path:
                    continue
                if (fault.writes_only or fault.kind in ACTS_FIRST) and not is_write:
                    continue
                if fault.rate < 1.0 and self.rng.random() >= fault.rate:
                    continue
                if fault.count is not None:
                    fault.count -= 1
                    if fault.count <= 0:
                        self.faults.remove(fault)
                return fault
        return None

    def app_usage_percent(self) -> int:
        """Share of the hourly call budget used, as Meta reports it in X-App-Usage."""
        with self.lock:
            forced = self.config.get("app_usage_percent")
            if forced is not None:
                return int(forced)
            horizon = self.now() - 3600
            self.calls = [t for t in self.calls if t > horizon]
            self.calls.append(self.now())
            return min(100, int(len(self.calls) * 100 / self.config["app_call_limit"]))

    def ig_published_last_day(self, user: str) -> int:
        horizon = self.now() - 86400
        return sum(
            1 for m in self.ig_media.values() if m["owner"] == user and m["published"] > horizon
        )

    def fediverse_public_pem(self) -> str:
        """The follower's public key, made on first use (it never signs anything here)."""
        if not self._fediverse_key:
            from cryptography.hazmat.primitives import serialization
            from cryptography.hazmat.primitives.asymmetric import rsa

            key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            self._fediverse_key = (
                key.public_key()
                .public_bytes(
                    serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
                )
                .decode()
            )
        return self._fediverse_key

    def reset(self) -> None:
        with self.lock:
            self.faults.clear()
            self.requests.clear()
            self.fb_posts.clear()
            self.ig_containers.clear()
            self.ig_media.clear()
            self.videos.clear()
            self.listings.clear()
            self.fediverse_inbox.clear()
            self.calls.clear()
            self.youtube_units.clear()
            self.refresh_tokens_seen.clear()
            self.clock_offset = 0.0
            self.config = {
                k: list(v) if isinstance(v, list) else v for k, v in DEFAULT_CONFIG.items()
            }


DEFAULT_CONFIG: dict[str, Any] = {
    "instagram_quota_total": 100,
    "app_call_limit": 100_000,
    "app_usage_percent": None,
    "youtube_daily_quota": 10_000,
    # Seconds Instagram takes to process a container, and how it ends
    # (None = FINISHED, else the 2207xxx subcode of an ERROR).
    "ig_processing_seconds": 0,
    "ig_container_error_subcode": None,
    # Metrics Meta refuses with #100 on top of those it removed (a future removal).
    "removed_metrics": [],
    "revoked_tokens": [],
    "fetch_media": True,
    "token_expires_in_days": 50,
    "data_access_expires_in_days": 90,
    "youtube_token_expires_in_days": 1 / 24,
    "youtube_rotated_refresh_token": "",
    # Rotate on every refresh: answer a new refresh token and revoke the one sent.
    "youtube_rotate_refresh_tokens": False,
    # The demo history's latest figures per story (demo.standin.seed), written by
    # load_demo; None = the stand-in's own small figures for every post.
    "reach_seed_file": None,
}
