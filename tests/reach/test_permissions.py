"""Only report readers and the secretariat see figures, at every URL."""

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone
from rest_framework.authtoken.models import Token

from channels.reach.aggregation import run_aggregation
from tests.factories import make_story

from .helpers import hit

pytestmark = pytest.mark.django_db

REPORT_URLS = [
    "/admin/raekkevidde/",
    "/admin/raekkevidde/?format=csv",
    "/admin/raekkevidde/?format=xlsx",
    "/admin/raekkevidde/kanaler/",
    "/admin/raekkevidde/kanaler/?format=xlsx",
    "/admin/raekkevidde/perioder/",
    "/admin/raekkevidde/perioder/?format=csv",
    "/admin/raekkevidde/kilder/",
    "/admin/raekkevidde/kilder/?format=csv",
    "/admin/raekkevidde/historie/{story}/",
    "/admin/raekkevidde/historie/{story}/?format=csv",
    "/admin/raekkevidde/evalueringsrapport/",
    "/admin/raekkevidde/evalueringsrapport/?format=pdf",
    "/api/reach/stories/",
]


def user_in(group: str | None) -> User:
    user = User.objects.create_user(f"u-{group or 'none'}", password="x")
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def story():
    story = make_story(title="Café Solstrålen")
    hit(story, when=timezone.now())
    run_aggregation()
    return story


@pytest.mark.parametrize("url", REPORT_URLS)
def test_anonymous_sees_no_figures(client, story, url):
    response = client.get(url.format(story=story.pk))
    assert response.status_code in (302, 401, 403)
    assert b"Solstr" not in response.content


@pytest.mark.parametrize("url", REPORT_URLS)
def test_a_plain_editor_sees_no_figures(client, story, url):
    client.force_login(user_in("Editors"))
    response = client.get(url.format(story=story.pk))
    assert response.status_code in (302, 403)
    assert b"Solstr" not in response.content


@pytest.mark.parametrize("group", ["Rapportlæsere", "Moderators"])
@pytest.mark.parametrize("url", REPORT_URLS)
def test_report_readers_and_the_secretariat_see_figures(client, story, group, url):
    client.force_login(user_in(group))
    response = client.get(url.format(story=story.pk))
    assert response.status_code == 200
    if "format=pdf" in url:
        assert response.content.startswith(b"%PDF")
    elif "format=xlsx" in url:
        assert response.content.startswith(b"PK")
    elif any(p in url for p in ("evalueringsrapport", "kilder", "perioder", "kanaler")):
        assert "Sidevisninger" in response.content.decode()
    else:
        assert "Café Solstrålen" in response.content.decode("utf-8-sig")


def test_the_api_takes_a_token_of_a_report_reader(client, story):
    token = Token.objects.create(user=user_in("Rapportlæsere"))
    response = client.get("/api/reach/stories/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert [s["title"] for s in response.json()["stories"]] == ["Café Solstrålen"]


def test_the_api_refuses_a_token_of_a_plain_editor(client, story):
    token = Token.objects.create(user=user_in("Editors"))
    response = client.get("/api/reach/stories/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 403
    assert "rapportlæsere" in response.json()["detail"]


def test_the_reports_menu_is_shown_only_to_those_who_may_read_it(client):
    client.force_login(user_in("Editors"))
    assert "Evalueringsrapport" not in client.get("/admin/").content.decode()
    client.force_login(user_in("Rapportlæsere"))
    assert "Evalueringsrapport" in client.get("/admin/").content.decode()
