import json
import re

import pytest
from django.test import Client
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import SiteSettings
from tests.factories import default_site, make_partner, make_story, story_index

RECIPE_BODY = [
    ("paragraph", "<p>Farmor lærte mig at bage dem.</p>"),
    (
        "recipe",
        {
            "name": "Farmors kardemommeboller",
            "servings": 12,
            "prep_minutes": 90,
            "ingredients": ["500 g hvedemel", "2 tsk kardemomme"],
            "steps": ["Ælt dejen.", "Bag ved 200 grader i 12 minutter."],
        },
    ),
    (
        "video",
        {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Bagedag", "caption": ""},
    ),
    ("quote", {"quote": "Her mødes vi på tværs.", "name": "Aisha", "role": "frivillig"}),
]


class EveryPageTypeRendersTest(WagtailPageTestCase):
    def setUp(self):
        self.story = make_story(title="Kager på tværs", body=RECIPE_BODY)
        self.index = story_index()

    def test_home_page_renders_and_previews(self):
        home = self.index.get_parent().specific
        self.assertPageIsRenderable(home)
        self.assertPageIsPreviewable(home)

    def test_story_index_renders_and_previews(self):
        self.assertPageIsRenderable(self.index)
        self.assertPageIsPreviewable(self.index)

    def test_story_renders_and_previews(self):
        self.assertPageIsRenderable(self.story)
        # The editor's preview posts the form; send what the editor would.
        post_data = nested_form_data(
            {
                "title": self.story.title,
                "slug": self.story.slug,
                "intro": self.story.intro,
                "date": "2026-05-01",
                "image": self.story.image_id,
                "image_alt": self.story.image_alt,
                "body": streamfield([("paragraph", rich_text("<p>Forhåndsvisning</p>"))]),
                "tags": "mad, fællesskab",
                "channel_settings": inline_formset([]),
            }
        )
        self.assertPageIsPreviewable(self.story, post_data=post_data)


def ld_scripts(html: str) -> list[dict]:
    return [
        json.loads(m)
        for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


@pytest.mark.django_db
class TestStoryPage:
    def test_story_shows_text_responsive_hero_and_alt_text(self, client: Client):
        story = make_story(title="Affald på stranden", image_alt="Børn samler affald")
        html = client.get(story.url).content.decode()
        assert "<h1>Affald på stranden</h1>" in html
        hero = re.search(r'<img src="[^"]+" srcset="([^"]+)"[^>]*alt="Børn samler affald"', html)
        assert hero, "hero image with srcset and the editor's alt text"
        assert [w.split()[-1] for w in hero.group(1).split(", ")] == ["480w", "800w", "1200w"]

    def test_story_carries_open_graph_and_twitter_tags(self, client):
        story = make_story(title="Café Solstrålen", intro="Hver tirsdag mødes ældre til kaffe.")
        html = client.get(story.url).content.decode()
        assert '<meta property="og:title" content="Café Solstrålen">' in html
        assert (
            '<meta property="og:description" content="Hver tirsdag mødes ældre til kaffe.">' in html
        )
        og_image = re.search(r'<meta property="og:image" content="(http[^"]+)">', html).group(1)
        assert "fill-1200x630" in og_image
        assert '<meta name="twitter:card" content="summary_large_image">' in html

    def test_recipe_is_rendered_with_schema_org_json_ld(self, client):
        story = make_story(
            title="Mad med historie", body=RECIPE_BODY, byline="Fatima fra Vejleåparken"
        )
        html = client.get(story.url).content.decode()
        assert "<li>500 g hvedemel</li>" in html
        [recipe] = [d for d in ld_scripts(html) if d.get("@type") == "Recipe"]
        assert recipe["name"] == "Farmors kardemommeboller"
        assert recipe["recipeYield"] == "12 personer"
        assert recipe["recipeIngredient"] == ["500 g hvedemel", "2 tsk kardemomme"]
        assert [s["text"] for s in recipe["recipeInstructions"]][1].startswith("Bag ved 200")
        assert recipe["totalTime"] == "PT90M"
        assert recipe["author"]["name"] == "Fatima fra Vejleåparken"

    def test_video_is_embedded_without_cookies(self, client):
        story = make_story(body=RECIPE_BODY)
        html = client.get(story.url).content.decode()
        assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
        assert 'title="Bagedag"' in html

    def test_topics_partners_and_share_links_are_shown(self, client):
        partner = make_partner("Danmarks Naturfredningsforening", url="https://www.dn.dk")
        story = make_story(tags=["natur"], partners=[partner])
        html = client.get(story.url).content.decode()
        assert '<a href="/historier/?emne=natur">natur</a>' in html
        assert '<a href="https://www.dn.dk">Danmarks Naturfredningsforening</a>' in html
        assert "facebook.com/sharer/sharer.php?u=" in html

    def test_related_stories_list_other_stories_not_itself(self, client):
        first = make_story(title="Første historie")
        second = make_story(title="Anden historie")
        html = client.get(second.url).content.decode()
        related = html.split('id="flere"')[1]
        assert "Første historie" in related and "Anden historie" not in related
        assert first.url in related


@pytest.mark.django_db
class TestStoryIndex:
    def test_topic_filter_shows_only_that_topic(self, client):
        make_story(title="Strandens affald", tags=["natur"])
        make_story(title="Kaffe for ældre", tags=["ældre"])
        html = client.get("/historier/?emne=natur").content.decode()
        assert "Strandens affald" in html and "Kaffe for ældre" not in html
        assert "<h1>Historier: natur</h1>" in html

    def test_unknown_topic_says_so(self, client):
        make_story(title="Strandens affald", tags=["natur"])
        html = client.get("/historier/?emne=findes-ikke").content.decode()
        assert "Ingen historier om dette emne endnu." in html

    def test_pagination_splits_twelve_per_page_newest_first(self, client):
        import datetime

        for day in range(1, 15):
            make_story(title=f"Dag {day:02d}", date=datetime.date(2026, 5, day))
        first = client.get("/historier/").content.decode()
        second = client.get("/historier/?side=2").content.decode()
        assert "Dag 14" in first and "Dag 03" in first and "Dag 02" not in first
        assert "Dag 02" in second and "Dag 01" in second and "Dag 14" not in second
        assert "Side 2 af 2" in second
        assert client.get("/historier/?side=abc").status_code == 200

    def test_home_page_lists_newest_stories(self, client):
        make_story(title="Byttemarked på Bredekærgård")
        html = client.get("/").content.decode()
        assert "Byttemarked på Bredekærgård" in html
        assert 'lang="da"' in html


@pytest.mark.django_db
class TestSiteWide:
    def test_accessibility_landmarks_and_skip_link(self, client):
        make_story()
        html = client.get("/").content.decode()
        assert '<html lang="da" dir="ltr">' in html
        assert '<a class="skip-link" href="#indhold">Gå til indhold</a>' in html
        assert '<main id="indhold"' in html and "<header" in html and "<footer" in html
        assert 'aria-label="Hovedmenu"' in html

    def test_footer_links_to_accessibility_statement_from_site_settings(self, client):
        settings_ = SiteSettings.for_site(default_site())
        settings_.accessibility_statement_url = "https://www.was.digst.dk/ishoej-test"
        settings_.save()
        html = client.get("/").content.decode()
        assert '<a href="https://www.was.digst.dk/ishoej-test">Tilgængelighedserklæring</a>' in html
        response = client.get("/was")
        assert response.status_code == 302
        assert response["Location"] == "https://www.was.digst.dk/ishoej-test"

    def test_404_page_is_danish(self, client):
        response = client.get("/findes-slet-ikke/")
        assert response.status_code == 404
        assert "Siden findes ikke" in response.content.decode()

    def test_search_finds_a_story_by_its_text(self, client):
        make_story(title="Cykling uden alder", intro="Frivillige cykler ældre en tur i rickshaw.")
        make_story(title="Byhaver i Vejleåparken")
        html = client.get("/search/?query=rickshaw").content.decode()
        assert "Cykling uden alder" in html and "Byhaver i Vejleåparken" not in html

    def test_search_rejects_overlong_query_with_danish_message(self, client):
        response = client.get("/search/", {"query": "x" * 500})
        assert response.status_code == 400
        assert "Søgningen må højst være 200 tegn." in response.content.decode()

    def test_sitemap_lists_published_stories_only(self, client):
        live = make_story(title="Udgivet")
        draft = make_story(title="Kladde", publish=False)
        xml = client.get("/sitemap.xml").content.decode()
        assert live.url in xml and draft.slug not in xml

    def test_robots_points_to_sitemap_and_keeps_admin_out(self, client):
        text = client.get("/robots.txt").content.decode()
        assert "Disallow: /admin/" in text
        assert re.search(r"^Sitemap: http://testserver/sitemap.xml$", text, re.M)

    def test_unpublished_story_is_not_public(self, client):
        draft = make_story(title="Hemmelig kladde", publish=False)
        assert client.get("/historier/").content.decode().count("Hemmelig kladde") == 0
        assert client.get(f"/historier/{draft.slug}/").status_code == 404


@pytest.mark.django_db
def test_password_protected_story_stays_out_of_public_lists(client):
    from wagtail.models import PageViewRestriction

    open_story = make_story(title="Åben historie")
    private = make_story(title="Lukket historie")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    for url in ("/", "/historier/", open_story.url):
        assert "Lukket historie" not in client.get(url).content.decode(), url
    assert "Åben historie" in client.get("/historier/").content.decode()


@pytest.mark.django_db
def test_menu_follows_publishing_at_once(client, django_capture_on_commit_callbacks):
    """The menu is cached, but a newly published section appears straight away."""
    from home.models import HomePage
    from stories.models import StoryIndexPage

    assert "Historier" not in client.get("/").content.decode().split("</nav>")[0]
    index = StoryIndexPage(title="Historier", slug="historier", show_in_menus=True)
    HomePage.objects.get().add_child(instance=index)
    with django_capture_on_commit_callbacks(execute=True):
        index.save_revision().publish()
    menu = client.get("/").content.decode().split('aria-label="Hovedmenu"')[1].split("</nav>")[0]
    assert '<a href="/historier/">Historier</a>' in menu
    with django_capture_on_commit_callbacks(execute=True):
        index.unpublish()
    menu = client.get("/").content.decode().split('aria-label="Hovedmenu"')[1].split("</nav>")[0]
    assert "Historier" not in menu
