"""The beacon as gunicorn serves it: cms.wsgi answers it before Django's cycle,
and must answer exactly as the Django view would."""

import json

import pytest

from channels.reach.models import RawHit
from tests.factories import make_story

from .helpers import BROWSER
from .wsgi_client import call_wsgi

pytestmark = pytest.mark.django_db


def test_a_beacon_through_the_wsgi_application_is_counted_with_its_source():
    story = make_story()
    status, headers, body = call_wsgi(body={"p": story.pk, "r": "https://m.facebook.com/", "q": ""})
    assert (status, body) == (204, b"")
    assert headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in headers
    hit = RawHit.objects.get()
    assert (hit.page_id, hit.source) == (story.pk, "facebook")


def test_a_bot_is_answered_but_not_counted():
    status, _, _ = call_wsgi(body={"p": 1}, agent="Googlebot/2.1 (+http://www.google.com/bot.html)")
    assert status == 204
    assert not RawHit.objects.exists()


def test_a_prefetch_is_answered_but_not_counted():
    status, _, _ = call_wsgi(body={"p": 1}, SEC_PURPOSE="prefetch")
    assert status == 204
    assert not RawHit.objects.exists()


def test_a_malformed_beacon_gets_400_with_a_danish_reason():
    status, headers, body = call_wsgi(body=b"[1, 2")
    assert status == 400
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body) == {"fejl": "Ugyldigt indhold."}
    assert not RawHit.objects.exists()


def test_an_oversized_beacon_is_refused_before_it_is_read(settings):
    settings.PUBLIC_MAX_REQUEST_BYTES = 1000
    status, _, body = call_wsgi(body=b"{}", content_length=5000)
    assert status == 413
    assert "for stor" in body.decode()


def test_a_beacon_for_a_host_we_do_not_serve_is_refused():
    status, _, _ = call_wsgi(body={"p": 1}, host="evil.example")
    assert status == 400
    assert not RawHit.objects.exists()


def test_one_client_over_its_beacon_limit_gets_429_and_is_not_counted(settings):
    settings.PUBLIC_RATE_LIMITS = {**settings.PUBLIC_RATE_LIMITS, "beacon": 2}
    answers = [call_wsgi(body={"p": 1}, address="10.1.1.1")[0] for _ in range(3)]
    assert answers == [204, 204, 429]
    assert call_wsgi(body={"p": 1}, address="10.2.2.2")[0] == 204
    assert RawHit.objects.count() == 3


def test_other_requests_go_to_django_untouched():
    assert call_wsgi("/robots.txt", method="GET")[0] == 200
    # A GET of the beacon URL is Django's: the view allows POST only.
    assert call_wsgi(method="GET")[0] == 405
    assert not RawHit.objects.exists()


@pytest.mark.parametrize(
    "body",
    [b'{"p": 5, "r": "", "q": "?utm_source=facebook"}', b"", b"[]", b'{"p": true}', b"nope"],
)
def test_the_fast_path_and_the_django_view_give_the_same_answer(client, body):
    fast_status, _, fast_body = call_wsgi(body=body)
    view = client.post(
        "/api/reach/hit", data=body, content_type="text/plain", HTTP_USER_AGENT=BROWSER
    )
    assert (fast_status, fast_body) == (view.status_code, view.content)
    rows = list(RawHit.objects.values_list("page_id", "source", "utm_source"))
    assert len(rows) in (0, 2) and (not rows or rows[0] == rows[1])
