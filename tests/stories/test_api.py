import pytest

from tests.factories import make_image, make_partner, make_story, story_index

pytestmark = pytest.mark.django_db


def test_story_listing_carries_teaser_fields_and_hero_renditions(client):
    make_story(title="Cykling uden alder", intro="Rickshaw-ture for ældre.", tags=["ældre"])
    data = client.get("/api/v2/pages/", {"type": "stories.StoryPage"}).json()
    [item] = data["items"]
    assert item["title"] == "Cykling uden alder"
    assert item["intro"] == "Rickshaw-ture for ældre."
    assert item["tags"] == ["ældre"]
    renditions = item["hero_image"]["renditions"]
    assert set(renditions) == {"small", "medium", "large"}
    assert renditions["medium"]["url"].startswith("http")
    assert renditions["medium"]["width"] == 800
    assert item["meta"]["html_url"].endswith("/historier/" + item["meta"]["slug"] + "/")


def test_story_detail_has_body_as_structured_json_with_image_urls(client):
    image = make_image("Strandbillede")
    partner = make_partner("CPH West", kind="skole", url="https://cphwest.dk")
    index = story_index()
    body = [
        ("heading", {"text": "Sådan gik dagen", "level": "h2"}),
        ("paragraph", f'<p>Læs også <a linktype="page" id="{index.pk}">alle historierne</a>.</p>'),
        (
            "image",
            {
                "image": image,
                "alt_text": "Affaldssække på stranden",
                "caption": "Dagens fangst",
                "credit": "Sekretariatet",
            },
        ),
        ("quote", {"quote": "Alle kan give en hånd.", "name": "Mette", "role": ""}),
    ]
    story = make_story(
        title="Affald på stranden", body=body, partners=[partner], byline="Sekretariatet"
    )
    data = client.get(f"/api/v2/pages/{story.pk}/").json()

    assert data["byline"] == "Sekretariatet"
    assert data["hero_image_alt"] == "Folk samlet på Ishøj Strand"
    assert data["hero_image"]["alt"] == "Folk samlet på Ishøj Strand"
    types = [block["type"] for block in data["body"]]
    assert types == ["heading", "paragraph", "image", "quote"]
    assert data["body"][0]["value"] == {"text": "Sådan gik dagen", "level": "h2"}
    # Rich text leaves as real HTML: the internal link is a normal URL.
    assert '<a href="/historier/">alle historierne</a>' in data["body"][1]["value"]
    image_block = data["body"][2]["value"]
    assert image_block["caption"] == "Dagens fangst"
    assert image_block["image"]["alt"] == "Affaldssække på stranden"
    assert image_block["image"]["renditions"]["large"]["url"].startswith("http")
    assert data["partners"] == [
        {
            "id": partner.pk,
            "name": "CPH West",
            "kind": "skole",
            "kind_display": "Skole eller uddannelse",
            "url": "https://cphwest.dk",
            "logo": None,
        }
    ]


def test_drafts_are_not_in_the_api(client):
    make_story(title="Udgivet")
    make_story(title="Kladde", publish=False)
    titles = [
        i["title"] for i in client.get("/api/v2/pages/?type=stories.StoryPage").json()["items"]
    ]
    assert titles == ["Udgivet"]


def test_api_is_cacheable_and_answers_conditional_requests(client):
    make_story()
    first = client.get("/api/v2/pages/?type=stories.StoryPage")
    assert first["Cache-Control"] == "public, max-age=60"
    etag = first["ETag"]
    again = client.get("/api/v2/pages/?type=stories.StoryPage", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    make_story(title="En ny historie")
    changed = client.get("/api/v2/pages/?type=stories.StoryPage", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_api_allows_cross_origin_reads_only(client):
    make_story()
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://www.ishoj.dk")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v2/pages/",
        HTTP_ORIGIN="https://www.ishoj.dk",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="DELETE",
    )
    assert "DELETE" not in preflight.get("Access-Control-Allow-Methods", "")
    assert "GET" in preflight["Access-Control-Allow-Methods"]


def test_public_html_pages_get_no_cross_origin_header(client):
    make_story()
    assert "Access-Control-Allow-Origin" not in client.get("/", HTTP_ORIGIN="https://x.dk")


def test_partners_in_a_list_only_when_asked_for(client):
    make_story(partners=[make_partner("AAB", kind="boligforening")])
    plain = client.get("/api/v2/pages/?type=stories.StoryPage").json()["items"][0]
    assert "partners" not in plain
    asked = client.get("/api/v2/pages/?type=stories.StoryPage&fields=partners").json()
    assert [p["name"] for p in asked["items"][0]["partners"]] == ["AAB"]


def test_password_protected_stories_are_not_in_the_api(client):
    from wagtail.models import PageViewRestriction

    make_story(title="Åben")
    private = make_story(title="Lukket")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    for url in ("/api/v2/pages/?type=stories.StoryPage", "/api/v2/pages/"):
        titles = [i["title"] for i in client.get(url).json()["items"]]
        assert "Åben" in titles and "Lukket" not in titles, url


def test_a_search_in_the_story_list_finds_open_stories_only(client):
    """The story list filters restrictions in its own query, which a search
    backend cannot take (it answered 500): a search still finds, and still
    leaves the restricted story out."""
    from wagtail.models import PageViewRestriction

    make_story(title="Åben havedag")
    private = make_story(title="Lukket havedag")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    response = client.get("/api/v2/pages/?type=stories.StoryPage&search=havedag")
    assert response.status_code == 200
    assert [i["title"] for i in response.json()["items"]] == ["Åben havedag"]


def test_every_story_in_a_list_links_to_itself_with_its_own_topics(client):
    """A list works out the links once for all its stories (home/api_fields.py);
    each must still be the story's own, a Danish slug included."""
    stories = [
        make_story(slug="bytte-på-bredekærgård", tags=["ældre", "børn og familier"]),
        make_story(tags=["natur"]),
        make_story(),
    ]
    data = client.get("/api/v2/pages/", {"type": "stories.StoryPage", "limit": 20}).json()
    items = {item["id"]: item for item in data["items"]}
    for story in stories:
        item = items[story.pk]
        assert item["meta"]["html_url"] == story.full_url
        assert item["meta"]["detail_url"].endswith(f"/api/v2/pages/{story.pk}/")
        assert client.get(item["meta"]["detail_url"]).json()["title"] == story.title
    assert "/bytte-p%C3%A5-bredek%C3%A6rg%C3%A5rd/" in items[stories[0].pk]["meta"]["html_url"]
    assert items[stories[0].pk]["tags"] == ["børn og familier", "ældre"]
    assert items[stories[1].pk]["tags"] == ["natur"]
    assert items[stories[2].pk]["tags"] == []


LIST = "/api/v2/pages/?type=stories.StoryPage"


def test_a_republished_story_is_listed_as_republished(client):
    """A story's list item is kept per published revision: publishing a new
    revision shows the new title, intro and body at once, not the kept one."""
    story = make_story(title="Strandrensning", intro="Vi samler skrald.")
    for url in (LIST, f"{LIST}&fields=*"):
        assert client.get(url).json()["items"][0]["title"] == "Strandrensning"
    story.title = "Strandrensning i Ishøj"
    story.intro = "Vi samler skrald lørdag."
    story.body = [("paragraph", "<p>Mød op ved Strandparken.</p>")]
    story.save_revision().publish()
    plain = client.get(LIST).json()["items"][0]
    assert plain["title"] == "Strandrensning i Ishøj"
    assert plain["intro"] == "Vi samler skrald lørdag."
    full = client.get(f"{LIST}&fields=*").json()["items"][0]
    assert full["title"] == "Strandrensning i Ishøj"
    assert "Strandparken" in full["body"][0]["value"]


def test_a_story_restricted_after_it_was_listed_leaves_the_list(client):
    """The kept representation never decides who sees a story: one listed (and
    kept) while open is gone from the list as soon as it gets a password."""
    from wagtail.models import PageViewRestriction

    make_story(title="Åben")
    private = make_story(title="Snart lukket")
    for url in (LIST, f"{LIST}&fields=*"):
        assert "Snart lukket" in [i["title"] for i in client.get(url).json()["items"]]
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    for url in (LIST, f"{LIST}&fields=*"):
        titles = [i["title"] for i in client.get(url).json()["items"]]
        assert titles == ["Åben"], url
        assert client.get(url).json()["meta"]["total_count"] == 1


def test_a_partners_new_name_shows_in_a_kept_list_item(client):
    """Partners are snippets shared by many stories; renaming one shows in
    every story's list item without republishing the stories."""
    partner = make_partner("AAB", kind="boligforening")
    make_story(partners=[partner])
    url = f"{LIST}&fields=partners"
    assert client.get(url).json()["items"][0]["partners"][0]["name"] == "AAB"
    partner.name = "AAB Ishøj"
    partner.save()
    assert client.get(url).json()["items"][0]["partners"][0]["name"] == "AAB Ishøj"


def test_a_list_answered_from_its_prepared_query_leaves_out_what_closed_since(client):
    """A list asked for before is answered from SQL kept per process and its
    items kept per revision (stories/api_list.py); the database still decides
    which stories are on it. Here the story is restricted and another
    unpublished without a signal, as another process with a cache of its own
    would: both are gone at once, and the pages still follow one another."""
    from wagtail.models import Page, PageViewRestriction

    stories = [make_story(title=f"Historie {n}") for n in range(4)]
    paged = [f"{LIST}&limit=2", f"{LIST}&limit=2&offset=2"]
    for _ in range(2):  # the first request prepares the list and keeps its items
        before = [i["title"] for url in paged for i in client.get(url).json()["items"]]
    assert sorted(before) == [f"Historie {n}" for n in range(4)]
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=stories[1], restriction_type="password", password="x")]
    )
    Page.objects.filter(pk=stories[2].pk).update(live=False)
    after = [i["title"] for url in paged for i in client.get(url).json()["items"]]
    assert after == [title for title in before if title not in ("Historie 1", "Historie 2")]
