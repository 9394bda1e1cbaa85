"""PostgreSQL goes away while a post is on its way to the platform.

The platform answers, but the database is gone when the worker writes the
answer down. The worker holds the only copy of it, so it waits for the
database and records the post as published, once, instead of leaving it
"publishing" for the stale sweep (and a look-up on the platform) to sort out.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from django.conf import settings as django_settings

from channels.models import Publication
from channels.models import PublicationStatus as S
from tests.channels.helpers import set_options
from tests.factories import make_story

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.postgres,
    pytest.mark.skipif(
        not django_settings.USES_POSTGRES,
        reason="cuts the connection to PostgreSQL; this run uses SQLite "
        "(the PostgreSQL pass of .ci/run covers it).",
    ),
]


def cutting_forwarder(target: str, proxy, restore_after: float):
    """An HTTP server in front of the stand-in that cuts the database when the
    post arrives, forwards it, and brings the database back a moment later."""

    class Forward(BaseHTTPRequestHandler):
        def do_GET(self):
            self._forward()

        def do_POST(self):
            if self.path.endswith("/feed"):
                proxy.cut()
                threading.Timer(restore_after, proxy.restore).start()
            self._forward()

        def _forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
            answer = requests.request(
                self.command, target + self.path, data=body, headers=headers, timeout=10
            )
            self.send_response(answer.status_code)
            for name, value in answer.headers.items():
                if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer.content)))
            self.end_headers()
            self.wfile.write(answer.content)

        def log_message(self, format, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Forward)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_an_answer_that_arrives_while_the_database_is_gone_is_recorded_once(
    standin, settings, database_proxy, django_capture_on_commit_callbacks
):
    forwarder = cutting_forwarder(standin.url, database_proxy, restore_after=1.0)
    settings.CHANNELS = {"facebook": settings.CHANNELS["facebook"]}  # Facebook only
    set_options(settings, "facebook", API_URL=f"http://127.0.0.1:{forwarder.server_address[1]}")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            story = make_story(title="Svar under nedbrud")
    finally:
        forwarder.shutdown()
        forwarder.server_close()

    pub = Publication.objects.get(page=story, channel="facebook")
    assert pub.status == S.PUBLISHED and pub.external_id, pub.last_error
    assert len(standin.posts()["facebook"]) == 1
