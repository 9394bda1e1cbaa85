"""The demo's reach history, handed to the stand-in so a live pull continues it.

`load_demo` writes a year of weekly figures per story (demo.reach_channels);
the stand-in's own figures for a fresh post are small and would become the
latest pull after the first live pull of `make run`, below the history and
below the visits the site saw from Facebook. So load_demo also writes the
latest figures per story to a file under var/, and the stand-in answers
insights for a post of that story from there: never below the file, growing
a little with the days since it was written, by one factor for every story,
so figures that differed stay different and Facebook's views stay at least
the site's visits from Facebook.
"""

from __future__ import annotations

import json
import math
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

FILE_NAME = "standin-reach.json"
GROWTH = 0.02
"""Reach added per e-fold of days since the file was written (1 day ≈ +1.4 %,
a month ≈ +7 %, a year ≈ +12 %): old posts still gather a trickle."""
URL = re.compile(r"https?://[^\s\"'<>]+")
SHORT_PATH = re.compile(r"/k/[a-z0-9]+\b")
"""A short address on the portal's domain (home.models.ShortLink), written
without its scheme in Instagram captions."""


def write(path: Path, stories: list[dict[str, Any]], written_at: float) -> None:
    """Replace the file at once, so the stand-in never reads half of it.

    Each story: `path` (its URL path), `short_paths` (its short addresses'
    paths, /k/abc23, as an Instagram caption names it), `external_ids` ({channel: id}) and, per
    channel, its latest figures ({metric: value})."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    partial.write_text(
        json.dumps({"written_at": written_at, "stories": stories}, ensure_ascii=False),
        encoding="utf-8",
    )
    os.replace(partial, path)


def growth(written_at: float, now: float) -> float:
    days = max(0.0, (now - written_at) / 86400)
    return 1 + GROWTH * math.log1p(days)


def story_paths(*texts: str) -> list[str]:
    """The URL paths of the links in a post's link, message or caption."""
    paths = [urlparse(url).path for text in texts for url in URL.findall(text or "")]
    return paths + [path for text in texts for path in SHORT_PATH.findall(text or "")]


@dataclass
class ReachSeed:
    """The file as the stand-in reads it: again whenever it changed on disk."""

    path: Path | None = None
    _loaded_mtime: float | None = None
    _written_at: float = 0.0
    _by_path: dict[str, dict[str, Any]] = field(default_factory=dict)
    _by_external_id: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def use(self, path: Path) -> None:
        with self._lock:
            if path != self.path:
                self.path, self._loaded_mtime = path, None
                self._by_path, self._by_external_id = {}, {}

    def figures(
        self, channel: str, now: float, *, texts: tuple[str, ...] = (), external_id: str = ""
    ) -> dict[str, int] | None:
        """A seeded post's figures at `now`: the story found by a link in `texts`,
        else by the post id the portal stored (a post from before a restart)."""
        self._refresh()
        story = next((self._by_path[p] for p in story_paths(*texts) if p in self._by_path), None)
        if story is None and external_id in self._by_external_id:
            seeded_channel, story = self._by_external_id[external_id]
            if seeded_channel != channel:
                story = None
        base = (story or {}).get(channel)
        if not base:
            return None
        factor = growth(self._written_at, now)
        return {name: int(value * factor) for name, value in base.items()}

    def _refresh(self) -> None:
        if self.path is None:
            return
        with self._lock:
            try:
                mtime = self.path.stat().st_mtime
            except OSError:
                return
            if mtime == self._loaded_mtime:
                return
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return  # keep what was read before
            self._loaded_mtime = mtime
            self._written_at = float(data.get("written_at") or 0)
            stories = data.get("stories") or []
            self._by_path = {
                path: s
                for s in stories
                for path in (s.get("path"), *(s.get("short_paths") or ()))
                if path
            }
            self._by_external_id = {
                str(external_id): (channel, s)
                for s in stories
                for channel, external_id in (s.get("external_ids") or {}).items()
                if external_id
            }
