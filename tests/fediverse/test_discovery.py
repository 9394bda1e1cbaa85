"""How a Mastodon server finds the actors: WebFinger, NodeInfo, the actor, its collections."""

import pytest

from channels.fediverse.actors import current_key
from channels.fediverse.models import ActorKey, Follower
from tests.stories.event_factories import event_index

pytestmark = pytest.mark.django_db

AP = "application/activity+json"


@pytest.fixture(autouse=True)
def site(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://voresishoj.example"
    settings.ALLOWED_HOSTS = ["voresishoj.example", "testserver"]


def test_webfinger_finds_both_handles_on_the_site_domain(client):
    for handle, key in (("detsker", "events"), ("historier", "stories")):
        answer = client.get(
            "/.well-known/webfinger", {"resource": f"acct:{handle}@voresishoj.example"}
        )
        assert answer["Content-Type"] == "application/jrd+json"
        self_link = next(link for link in answer.json()["links"] if link["rel"] == "self")
        assert self_link == {
            "rel": "self",
            "type": AP,
            "href": f"https://voresishoj.example/fediverse/{key}",
        }


def test_webfinger_answers_404_for_strangers_and_other_domains(client):
    for resource in ("acct:nogen@voresishoj.example", "acct:detsker@andet.example", "'\"<"):
        assert client.get("/.well-known/webfinger", {"resource": resource}).status_code == 404
    nul = client.get("/.well-known/webfinger", {"resource": "acct:\x00@voresishoj.example"})
    assert nul.status_code == 400  # refused by the site's guard against NUL bytes


def test_handles_are_configurable(client, settings):
    settings.FEDIVERSE_EVENTS_HANDLE = "kalender"
    answer = client.get("/.well-known/webfinger", {"resource": "acct:kalender@voresishoj.example"})
    assert answer.json()["subject"] == "acct:kalender@voresishoj.example"


def test_nodeinfo_is_discoverable(client):
    links = client.get("/.well-known/nodeinfo").json()["links"]
    assert links[0]["rel"] == "http://nodeinfo.diaspora.software/ns/schema/2.1"
    info = client.get("/nodeinfo/2.1").json()
    assert info["protocols"] == ["activitypub"] and info["openRegistrations"] is False


def test_the_actor_is_json_for_servers_and_a_page_for_people(client):
    event_index()
    document = client.get("/fediverse/events", HTTP_ACCEPT=AP).json()
    assert document["type"] == "Service"
    assert document["preferredUsername"] == "detsker"
    assert document["name"] == "Det sker i Ishøj"
    assert document["publicKey"]["publicKeyPem"].startswith("-----BEGIN PUBLIC KEY-----")
    assert document["icon"]["url"].endswith(".png")

    page = client.get("/fediverse/events", HTTP_ACCEPT="text/html")
    assert page.status_code == 302 and page["Location"].endswith("/det-sker/")


def test_the_key_is_made_once_on_first_use_and_kept(client):
    assert not ActorKey.objects.exists()
    first = client.get("/fediverse/stories", HTTP_ACCEPT=AP).json()["publicKey"]
    again = client.get("/fediverse/stories", HTTP_ACCEPT=AP).json()["publicKey"]
    assert first == again and ActorKey.objects.count() == 1
    assert current_key("stories").public_pem == first["publicKeyPem"]


def test_followers_show_the_count_but_not_who(client):
    for n in range(3):
        Follower.objects.create(
            actor="events",
            account_uri=f"https://social.example/users/u{n}",
            inbox=f"https://social.example/users/u{n}/inbox",
            domain="social.example",
        )
    data = client.get("/fediverse/events/followers", HTTP_ACCEPT=AP).json()
    assert data["totalItems"] == 3
    assert "social.example" not in str(data)


def test_the_outbox_is_paged(client):
    from channels.fediverse.models import Activity

    for n in range(25):
        Activity.objects.create(
            actor="events",
            kind="Create",
            object_id=f"https://voresishoj.example/fediverse/objects/{n}",
            page_id=n,
            payload={"type": "Create", "id": f"a{n}", "_fp": "x"},
        )
    outbox = client.get("/fediverse/events/outbox", HTTP_ACCEPT=AP).json()
    assert outbox["totalItems"] == 25
    first = client.get("/fediverse/events/outbox?page=1", HTTP_ACCEPT=AP).json()
    second = client.get(first["next"].replace("https://voresishoj.example", "")).json()
    assert len(first["orderedItems"]) == 20 and len(second["orderedItems"]) == 5
    assert "_fp" not in first["orderedItems"][0]
    assert client.get("/fediverse/events/outbox?page=x'").status_code == 404
