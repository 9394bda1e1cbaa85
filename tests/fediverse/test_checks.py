"""`manage.py check` says when the fediverse cannot work: actors served over plain http."""

from channels.checks import check_channel_backends


def ids(messages):
    return {m.id for m in messages}


def test_production_needs_an_https_base_url(settings):
    settings.FEDIVERSE_ALLOW_HTTP_LOOPBACK = False
    settings.WAGTAILADMIN_BASE_URL = "http://voresishoj.example"
    assert "channels.fediverse.E002" in ids(check_channel_backends())

    settings.WAGTAILADMIN_BASE_URL = "https://voresishoj.example"
    assert "channels.fediverse.E002" not in ids(check_channel_backends())
