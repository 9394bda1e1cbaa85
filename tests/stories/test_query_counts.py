"""The number of database queries must not grow with the number of stories:
the portal's archive grows every week, the pages must not slow down with it."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.models import StoryPage
from tests.factories import home_page, make_image, make_partner, make_story, story_index
from tests.stories.language_factories import languages, translated  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def fill(n: int, image, partner):
    index = story_index()
    for i in range(n):
        make_story(
            index=index, image=image, tags=[f"emne-{i % 5}", "fællesskab"], partners=[partner]
        )


def count_queries(client, url: str, cold: bool = False) -> int:
    for _ in range(2):  # warm up: renditions and the site's settings are made on first view
        client.get(url)
    if cold:  # nothing kept: the stories' API items are built afresh
        cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def counts_for(client, image, partner, n):
    fill(n, image, partner)
    from stories.models import StoryPage

    newest = StoryPage.objects.live().order_by("-date", "-pk").first()
    return {
        "home": count_queries(client, "/"),
        "index": count_queries(client, "/historier/"),
        "story": count_queries(client, newest.url),
        "api": count_queries(client, "/api/v2/pages/?type=stories.StoryPage&limit=20"),
    }


def test_query_counts_do_not_grow_from_10_to_200_stories(client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the pages' own queries, not the page cache's copy
    image = make_image()
    partner = make_partner()
    with_10 = counts_for(client, image, partner, 10)
    with_200 = counts_for(client, image, partner, 190)
    assert with_200 == with_10
    # The story page: itself, with whether a view restriction lies on its path
    # (home.routing); its header, body, topics, partners and social tags are
    # kept per published revision, the site, the route and the other stories
    # are remembered. The API list: the page of stories from its prepared
    # query; its total is kept per generation and each story's item per revision.
    assert with_10["story"] <= 1, with_10
    assert with_10["home"] <= 1, with_10
    assert with_10["api"] == 1, with_10


@pytest.mark.parametrize("fields", ["", "&fields=*"], ids=["default-fields", "all-fields"])
@pytest.mark.parametrize("kind", ["type=stories.StoryPage", "type=wagtailcore.Page"])
def test_api_list_costs_the_same_at_any_page_size(client, settings, fields, kind):
    """A municipal site paging the archive 100 at a time must not cost more
    queries than one showing five (`fields=*` once loaded each page's locale)."""
    settings.PAGE_CACHE_SECONDS = 0
    fill(30, make_image(), make_partner())
    counts = {
        limit: count_queries(client, f"/api/v2/pages/?{kind}&limit={limit}{fields}")
        for limit in (5, 20, 100)
    }
    assert counts[5] == counts[20] == counts[100], counts


def fill_with_body_images(n: int):
    """Stories whose bodies show pictures of their own (an image block and a
    gallery), as the secretariat writes them: no two share a picture."""
    index = story_index()
    partner = make_partner()
    for _ in range(n):
        pictures = [make_image(size=(64, 40)) for _ in range(3)]
        block = {"alt_text": "Frivillige i køkkenet", "caption": "", "credit": ""}
        body = [
            ("paragraph", "<p>Fællesskab opstår, når nogen tager initiativ.</p>"),
            ("image", {**block, "image": pictures[0]}),
            ("gallery", {"title": "", "images": [{**block, "image": p} for p in pictures[1:]]}),
        ]
        make_story(index=index, image=make_image(size=(64, 40)), body=body, partners=[partner])


def test_api_list_with_all_fields_loads_body_images_in_bulk(client, settings):
    """`fields=*` shows every story's body with its pictures' renditions: the
    pictures and their renditions are read once for the whole list, not once
    per story (3 queries at limit 5 and 15 at limit 50 before)."""
    settings.PAGE_CACHE_SECONDS = 0
    fill_with_body_images(24)
    url = "/api/v2/pages/?type=stories.StoryPage&fields=*&limit="
    cold = {limit: count_queries(client, f"{url}{limit}", cold=True) for limit in (5, 20, 50)}
    assert cold[5] == cold[20] == cold[50], cold
    # Kept per published revision, the items cost no query of their own: all
    # fields cost what the default fields cost (the list, its total).
    warm = {limit: count_queries(client, f"{url}{limit}") for limit in (5, 20, 50)}
    plain = count_queries(client, "/api/v2/pages/?type=stories.StoryPage&limit=20")
    assert warm[5] == warm[20] == warm[50] == plain < cold[20], (warm, plain, cold)
    body = client.get(f"{url}20").json()["items"][0]["body"]
    gallery = next(block for block in body if block["type"] == "gallery")
    pictures = [item["image"] for item in gallery["value"]["images"]]
    assert len(pictures) == 2
    assert all(picture["renditions"]["small"]["url"] for picture in pictures)


def test_arabic_pages_cost_the_queries_of_the_danish_ones(client, settings, languages):  # noqa: F811
    """As fast in every language (issue 26): the Arabic front page lists the
    newest stories' Arabic translations with their cards, and costs the one
    query the Danish front page costs (it cost ten: each translation's hero
    image and the translations themselves were read on every view)."""
    settings.PAGE_CACHE_SECONDS = 0
    fill(8, make_image(), make_partner())
    newest = list(StoryPage.objects.live().order_by("-date", "-pk")[:7])
    arabic = [translated(story, "ar") for story in newest]
    translated(home_page(), "ar")
    danish = {"home": count_queries(client, "/"), "story": count_queries(client, newest[1].url)}
    in_arabic = {
        "home": count_queries(client, "/ar/"),
        "story": count_queries(client, arabic[1].url),
    }
    assert in_arabic == danish, (in_arabic, danish)
    page = client.get("/ar/").content.decode()
    assert arabic[0].url in page and arabic[5].url in page


def test_api_list_by_language_costs_what_the_list_costs(client, settings, languages):  # noqa: F811
    """`?locale=` reads the locale from the cached locale rows: Wagtail's filter
    and the unknown-language check each cost a query of their own before."""
    settings.PAGE_CACHE_SECONDS = 0
    fill(5, make_image(), make_partner())
    translated(StoryPage.objects.live().first(), "ar")
    url = "/api/v2/pages/?type=stories.StoryPage&limit=20"
    plain = count_queries(client, url)
    by_language = {code: count_queries(client, f"{url}&locale={code}") for code in ("da", "ar")}
    assert by_language == {"da": plain, "ar": plain}, (by_language, plain)
    assert client.get(f"{url}&locale=ar").json()["meta"]["total_count"] == 1
    unknown = client.get(f"{url}&locale=xx")
    assert unknown.status_code == 400
    assert "Ukendt sprog i 'locale'" in unknown.json()["message"]
