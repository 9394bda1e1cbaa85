"""The "Det sker" widget embeds on another site; no other page does."""

import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from tests.browser import browser_page  # noqa: F401  (fixture)
from tests.stories.event_factories import event_index, make_event


def _policy(response) -> dict:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
def test_only_the_widget_may_be_framed_by_other_sites(client, settings):
    settings.CONTENT_SECURITY_POLICY = True
    event_index()
    widget = _policy(client.get("/feeds/det-sker/widget/"))
    assert widget["frame-ancestors"] == ["*"]
    assert widget["style-src"] == ["'self'"]
    assert "'unsafe-inline'" not in sum(widget.values(), [])
    listing = _policy(client.get("/det-sker/"))
    assert listing["frame-ancestors"] == ["'self'"]


class _OtherSite(BaseHTTPRequestHandler):
    """A municipal site on another origin that pastes the documented iframe."""

    portal = ""

    def do_GET(self):  # noqa: N802
        body = (
            '<!DOCTYPE html><html lang="da"><title>Ishøj Bibliotek</title>'
            f'<iframe id="widget" title="Det sker" width="600" height="400" '
            f'src="{self.portal}/feeds/det-sker/widget/?accent=groen&antal=3"></iframe>'
            f'<iframe id="page" title="Side" src="{self.portal}/det-sker/"></iframe></html>'
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def other_site(live_server):
    handler = type("Handler", (_OtherSite,), {"portal": live_server.url})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_widget_shows_on_another_origin_styled_and_a_page_does_not(
    other_site,
    browser_page,  # noqa: F811
    settings,
):
    settings.CONTENT_SECURITY_POLICY = True
    make_event("Byttemarked i Vejleåparken", start_date=timezone.localdate() + timedelta(days=2))
    refusal = "frame-ancestors 'self'"
    with browser_page.expect_console_message(lambda m: refusal in m.text) as message:
        browser_page.goto(other_site)
    # Any page but the widget refuses to be framed by another site (the widget's
    # own policy is "frame-ancestors *", so this refusal is the other page's).
    assert message.value.type == "error"
    assert browser_page.frame_locator("#page").locator("text=Byttemarked").count() == 0

    widget = browser_page.frame_locator("#widget")
    heading = widget.locator("h1")
    heading.wait_for()
    assert heading.inner_text() == "Det sker i Ishøj"
    assert "Byttemarked i Vejleåparken" in widget.locator("ol").inner_text()
    # Its own stylesheet is applied (the green accent), with no inline style.
    assert heading.evaluate("h => getComputedStyle(h).color") == "rgb(30, 107, 58)"
