"""The channel tests talk real HTTP to the in-process platform stand-in, and the
stand-in fetches the portal's renditions from a tiny media server, like the
real platforms do."""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from django.utils import timezone

from channels.governor import governor
from cms.settings.channels import channels_from_environment
from demo.standin import PlatformStandin


@pytest.fixture(scope="session")
def standin_server():
    server = PlatformStandin().start()
    yield server
    server.stop()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def media_server(settings, tmp_path):
    """Serves MEDIA_ROOT (tmp_path/media) at http://127.0.0.1:<port>/media/."""
    handler = functools.partial(_QuietHandler, directory=str(tmp_path))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    settings.MEDIA_URL = "/media/"
    settings.WAGTAILADMIN_BASE_URL = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield settings.WAGTAILADMIN_BASE_URL
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def standin(standin_server, settings, media_server):
    """A clean stand-in with every channel pointed at it and demo credentials set."""
    standin_server.state.reset()
    settings.CHANNELS = channels_from_environment(
        {
            "FACEBOOK_PAGE_ID": "1000000001",
            "FACEBOOK_PAGE_TOKEN": "test-facebook-token",
            "INSTAGRAM_USER_ID": "17841400000000001",
            "INSTAGRAM_TOKEN": "test-instagram-token",
            "YOUTUBE_ACCESS_TOKEN": "test-youtube-token",
            "DETSKER_TOKEN": "test-detsker-token",
        },
        standin=standin_server.url,
    )
    settings.CHANNELS_HTTP_TIMEOUT = 5
    governor.clock = timezone.now
    yield Standin(standin_server)
    governor.clock = timezone.now
    asked_for_removed = removed_metrics_asked(standin_server.state.requests)
    assert not asked_for_removed, f"asked a platform for removed metrics: {asked_for_removed}"


def removed_metrics_asked(requests_seen) -> set[tuple[str, str]]:
    """(platform, metric) pairs the code asked for although the registry marks them removed."""
    from channels.registry import channels

    removed = {
        (slug, metric.name)
        for slug, channel in channels.items()
        for metric in channel.metrics
        if metric.removed_on is not None
    }
    asked = set()
    for request in requests_seen:
        for name in (request["query"].get("metric") or request["query"].get("metrics") or "").split(
            ","
        ):
            if (request["platform"], name) in removed:
                asked.add((request["platform"], name))
    return asked


class Standin:
    """Test-side helper for the stand-in's control API."""

    def __init__(self, server: PlatformStandin):
        self.server = server
        self.url = server.url
        self.state = server.state

    def fault(self, platform, kind, count=1, **extra):
        body = {"platform": platform, "kind": kind, "count": count, **extra}
        requests.post(f"{self.url}/_control/faults", json=body, timeout=5).raise_for_status()

    def configure(self, **config):
        requests.post(f"{self.url}/_control/config", json=config, timeout=5).raise_for_status()

    def posts(self):
        return requests.get(f"{self.url}/_control/posts", timeout=5).json()

    def video(self, video_id, **snippet):
        snippet = {
            "title": "Sommer på Ishøj Strand",
            "categoryId": "22",
            "tags": ["Ishøj", "strand"],
            "description": "Optaget i juli.",
            **snippet,
        }
        requests.post(
            f"{self.url}/_control/videos", json={"id": video_id, "snippet": snippet}, timeout=5
        ).raise_for_status()

    def advance(self, seconds):
        """Move the stand-in's clock (container processing, token expiry) forward."""
        requests.post(
            f"{self.url}/_control/clock", json={"advance": seconds}, timeout=5
        ).raise_for_status()

    def forget_requests(self):
        """Drop the recorded requests: a test probing the stand-in itself is not the
        channel code asking (see removed_metrics_asked)."""
        with self.state.lock:
            self.state.requests.clear()

    def requests_to(self, platform):
        return [r for r in self.state.requests if r["platform"] == platform]
