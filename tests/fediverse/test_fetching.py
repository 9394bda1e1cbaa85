"""In production the portal talks only https to public addresses, redirects included."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from channels.fediverse.fetching import UnsafeAddress, check_url, fetch_document


@pytest.fixture
def production(settings):
    settings.FEDIVERSE_ALLOW_HTTP_LOOPBACK = False


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/users/a",  # loopback
        "https://127.0.0.1/users/a",
        "https://localhost/users/a",
        "https://10.1.2.3/inbox",  # private
        "https://192.168.1.10/inbox",
        "https://169.254.169.254/latest/meta-data/",  # link-local (cloud metadata)
        "https://[::1]/inbox",
        "https://[fd00::1]/inbox",
        "ftp://example.org/x",
        "https:///nohost",
    ],
)
def test_non_public_addresses_are_refused_in_production(production, url):
    with pytest.raises(UnsafeAddress):
        check_url(url)


def test_plain_http_is_refused_even_to_a_public_address(production):
    with pytest.raises(UnsafeAddress):
        check_url("http://93.184.215.14/inbox")


def test_dev_settings_allow_http_to_loopback_only(settings):
    settings.FEDIVERSE_ALLOW_HTTP_LOOPBACK = True
    assert check_url("http://127.0.0.1:8765/fediverse/inbox") == "127.0.0.1"
    with pytest.raises(UnsafeAddress):
        check_url("http://10.0.0.5/inbox")


class _Redirect(BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self.send_response(302)
        self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
        self.send_header("Content-Length", "0")
        self.end_headers()


def test_a_redirect_to_a_private_address_is_not_followed(settings):
    settings.FEDIVERSE_ALLOW_HTTP_LOOPBACK = True  # the first hop is our local test server
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Redirect)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with pytest.raises(UnsafeAddress):
            fetch_document(f"http://127.0.0.1:{httpd.server_address[1]}/users/a")
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_slow_server_is_given_up_quickly(settings):
    import socket
    import time

    from channels.fediverse.fetching import FetchError

    settings.FEDIVERSE_ALLOW_HTTP_LOOPBACK = True
    settings.FEDIVERSE_READ_TIMEOUT = 0.5
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts the connection, never answers
    started = time.monotonic()
    try:
        with pytest.raises((FetchError, requests.Timeout)):
            fetch_document(f"http://127.0.0.1:{listener.getsockname()[1]}/users/a")
    finally:
        listener.close()
    assert time.monotonic() - started < 5
