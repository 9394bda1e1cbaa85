"""Page-cache keys ignore query parameters the page does not read.

Links shared on Facebook carry `?fbclid=…`, newsletters `?utm_source=…`, and a
script can append any junk; each used to make (and render) its own cached
copy. The cache learns which parameters a page reads while it renders
(cms/caching/store.py), so those hit the one copy, while a parameter the page
does read (`?side=2`, `?emne=…`) still gets its own.
"""

import pytest

from tests.channels.helpers import publish
from tests.factories import make_story, story_index

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_junk_query_strings_hit_the_one_cached_copy_of_a_story(client):
    story = make_story(title="Sommerfest i Vejleåparken")
    first = client.get(story.url)
    assert first["X-Page-Cache"] == "miss"

    junk = [f"?utm_source=fb&fbclid=IwAR{n}" for n in range(20)]
    junk += [f"?x{n}={'a' * n}&side=&emne=" for n in range(20)]
    answers = [client.get(story.url + query) for query in junk]

    assert {a["X-Page-Cache"] for a in answers} == {"hit"}
    assert all(a.content == first.content for a in answers)


def test_a_parameter_the_page_reads_gets_its_own_copy(client):
    index = story_index()
    make_story(title="Haven ved Strandgården", tags=["natur"])
    make_story(title="Kaffe på trappen", tags=["naboer"])

    everything = client.get(index.url)
    nature = client.get(index.url + "?emne=natur")
    nature_again = client.get(index.url + "?emne=natur&utm_source=nyhedsbrev")

    assert nature["X-Page-Cache"] == "miss"
    html = nature.content.decode()
    assert "Haven ved Strandgården" in html and "Kaffe på trappen" not in html
    assert "Kaffe på trappen" in everything.content.decode()
    assert nature_again["X-Page-Cache"] == "hit" and nature_again.content == nature.content


def test_publishing_retires_every_cached_variant_of_a_listing(
    client, django_capture_on_commit_callbacks
):
    index = story_index()
    make_story(title="Første historie", tags=["natur"])
    for query in ("", "?emne=natur", "?side=1"):
        client.get(index.url + query)
        assert client.get(index.url + query)["X-Page-Cache"] == "hit"

    story = make_story(title="Ny historie om naturen", tags=["natur"], publish=False)
    publish(story, django_capture_on_commit_callbacks)

    for query in ("", "?emne=natur", "?side=1"):
        response = client.get(index.url + query)
        assert response["X-Page-Cache"] == "miss", query
        assert "Ny historie om naturen" in response.content.decode()


def test_values_that_match_nothing_render_the_no_such_answer_without_a_cache_entry_each(client):
    """?emne=junk, ?side=99999, ?sted=x: each value used to leave a copy behind."""
    from tests.locations.helpers import map_page
    from tests.stories.event_factories import event_index

    index = story_index()
    make_story(title="Haven ved Strandgården", tags=["natur"])
    events = event_index()
    places = map_page()
    real = client.get(index.url + "?emne=natur")
    assert real["X-Page-Cache"] == "miss"  # a real topic is a variant of its own
    assert client.get(index.url + "?emne=natur")["X-Page-Cache"] == "hit"

    junk = [index.url + f"?emne=junk{n}" for n in range(15)]
    junk += [index.url + f"?side={n}" for n in (99999, 100000, "²", "x")]
    junk += [events.url + f"?sted=x{n}" for n in range(5)]
    junk += [events.url + f"?kategori=x{n}" for n in range(5)]
    junk += [places.url + f"?kategori=x{n}" for n in range(5)]
    for url in junk:
        response = client.get(url)
        assert response.status_code in (200, 400), url
        assert "X-Page-Cache" not in response, url  # rendered, not stored
    assert "Haven ved Strandgården" not in client.get(index.url + "?emne=junk0").content.decode()


def test_html_pages_have_a_per_client_rate_limit_like_the_feeds(client, settings):
    settings.PUBLIC_RATE_LIMITS = {**settings.PUBLIC_RATE_LIMITS, "pages": 3}
    story = make_story(title="Sommerfest i Vejleåparken")
    answers = [client.get(story.url + f"?side={n}").status_code for n in range(4)]
    assert answers == [200, 200, 200, 429]
    limited = client.get(story.url)
    assert limited["Retry-After"] == "60" and "Vent et minut" in limited.content.decode()
    other = client.__class__(REMOTE_ADDR="10.9.8.7")
    assert other.get(story.url).status_code == 200  # per client, not for everyone
