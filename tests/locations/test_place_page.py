import pytest

from locations.models import PlacePage
from tests.factories import make_story
from tests.locations.helpers import make_place

pytestmark = pytest.mark.django_db


def test_place_page_shows_details_facilities_and_small_map(client):
    place = make_place(
        "Arken",
        cat="Museum",
        facilities=["Toilet", "Parkering"],
        point=(55.6017, 12.3616),
        address="Skovvej 100, 2635 Ishøj",
        opening_hours="Tirs–søn 10–17",
        website="https://www.arken.dk",
        phone="43 54 02 22",
    )
    html = client.get(place.url).content.decode()
    assert "<h1>Arken</h1>" in html
    assert "Museum" in html
    assert "Skovvej 100, 2635 Ishøj" in html
    assert "Tirs–søn 10–17" in html
    assert '<a href="https://www.arken.dk">' in html
    assert "<li>Parkering</li>" in html and "<li>Toilet</li>" in html
    assert 'aria-label="Kort, der viser hvor Arken ligger"' in html
    assert '"lat": 55.6017' in html
    assert "Foreslå en rettelse" in html


def test_place_page_shows_the_stories_tied_to_it(client):
    place = make_place("Ishøj Strand", cat="Natur og strand")
    story = make_story(title="Strandrydning med naboerne")
    make_story(title="En helt anden historie")
    draft = make_story(title="Ikke udgivet endnu", publish=False)
    place.stories.set([story, draft])
    place.save_revision().publish()
    html = client.get(place.url).content.decode()
    assert "Historier fra stedet" in html
    assert "Strandrydning med naboerne" in html
    assert "En helt anden historie" not in html
    assert "Ikke udgivet endnu" not in html
    assert list(story.places.all()) == [PlacePage.objects.get(pk=place.pk)]


def test_a_place_without_events_shows_none(client):
    # Works before and after the events app adds its "events" relation to places.
    place = make_place("Glashuset")
    assert place.related_events() == []
    assert "Det sker her" not in client.get(place.url).content.decode()


def test_unpublished_place_is_not_public(client):
    place = make_place("Kladde", publish=False)
    assert client.get("/kort/" + place.slug + "/").status_code == 404
