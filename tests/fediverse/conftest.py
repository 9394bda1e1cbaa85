"""The portal on a live server, and an independent fediverse server beside it."""

import pytest

from tests.fediverse.peer import Peer


@pytest.fixture
def portal(live_server, settings):
    """The portal's actors live at the live server's address, as in production."""
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.FEDIVERSE_READ_TIMEOUT = 1.0
    settings.FEDIVERSE_CONNECT_TIMEOUT = 1.0
    from django.core.cache import cache

    cache.clear()
    return live_server.url


@pytest.fixture
def peer():
    server = Peer(accounts=("alice", "bob", "carol")).start()
    yield server
    server.stop()
