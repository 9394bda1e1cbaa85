"""Calls the portal's real WSGI application (cms.wsgi), as gunicorn does."""

import io
import json

from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from cms.wsgi import application

from .helpers import BROWSER


def call_wsgi(
    path="/api/reach/hit",
    body=b"",
    *,
    method="POST",
    host="testserver",
    agent=BROWSER,
    address="10.0.0.1",
    content_length=None,
    **headers,
):
    """One request through cms.wsgi.application: (status, headers, body)."""
    if isinstance(body, dict):
        body = json.dumps(body).encode()
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": address,
        "HTTP_HOST": host,
        "HTTP_USER_AGENT": agent,
        "CONTENT_TYPE": "text/plain;charset=UTF-8",
        "CONTENT_LENGTH": str(len(body) if content_length is None else content_length),
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": io.StringIO(),
        "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
    }
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"] = int(status.split()[0])
        answer["headers"] = dict(response_headers)

    # As Django's test client does: the test's own database connection (and
    # its transaction) must outlive a request that reaches Django.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        chunks = application(environ, start_response)
        try:
            content = b"".join(chunks)
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answer["status"], answer["headers"], content
