"""Search, feeds, the API and the reach beacon are limited per client."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "method,url",
    [
        ("get", "/search/?query=byhave"),
        ("get", "/feeds/det-sker.json"),
        ("get", "/api/v2/pages/"),
        ("post", "/api/reach/hit"),
    ],
)
def test_a_client_over_its_limit_is_told_to_wait_others_are_not(client, settings, method, url):
    settings.PUBLIC_RATE_LIMITS = {"search": 3, "feeds": 3, "beacon": 3}
    send = getattr(client, method)
    kwargs = {"data": "{}", "content_type": "text/plain"} if method == "post" else {}
    for _ in range(3):
        assert send(url, REMOTE_ADDR="10.1.1.1", **kwargs).status_code != 429
    refused = send(url, REMOTE_ADDR="10.1.1.1", **kwargs)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert "Vent et minut" in refused.content.decode()
    assert send(url, REMOTE_ADDR="10.2.2.2", **kwargs).status_code != 429


def test_behind_a_trusted_proxy_each_visitor_has_its_own_limit(client, settings):
    settings.PUBLIC_RATE_LIMITS = {"search": 1, "feeds": 1, "beacon": 1}
    settings.TRUST_X_FORWARDED_FOR = True
    proxy = {"REMOTE_ADDR": "10.0.0.10"}
    assert (
        client.get("/search/?query=a", HTTP_X_FORWARDED_FOR="1.1.1.1", **proxy).status_code == 200
    )
    assert (
        client.get("/search/?query=a", HTTP_X_FORWARDED_FOR="2.2.2.2", **proxy).status_code == 200
    )
    assert (
        client.get("/search/?query=a", HTTP_X_FORWARDED_FOR="1.1.1.1", **proxy).status_code == 429
    )
