"""`load_demo` gives a fresh portal real stories, working logins and stays put on rerun."""

import json
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from channels.models import PageChannel
from stories.models import Partner, StoryIndexPage, StoryPage
from stories.templatetags.stories_hub import HOME_STORY_COUNT

PASSWORD = "demo-adgang-2015"

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("load_demo", stdout=StringIO())


def _counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "partners": Partner.objects.count(),
        "users": get_user_model().objects.count(),
        "live_stories": StoryPage.objects.live().count(),
    }


def test_home_page_welcomes_and_lists_the_newest_stories(demo):
    html = Client().get("/").content.decode()
    assert "Velkommen til Vores Ishøj" in html
    stories = StoryPage.objects.live().filter(locale__language_code="da").order_by("-date")
    for story in stories[:HOME_STORY_COUNT]:
        assert story.title in html
    assert stories.last().title not in html
    assert 'href="/historier/"' in html


def test_at_least_twelve_published_stories_with_described_images(demo):
    index = StoryIndexPage.objects.get(locale__language_code="da", slug="historier")
    stories = StoryPage.objects.child_of(index).live()
    assert index.live and index.show_in_menus
    assert stories.count() >= 12
    for story in stories:
        assert story.image is not None, story.title
        assert story.image.width == 1600, story.title
        assert len(story.image_alt) > 20, story.title
        assert 2 <= story.tags.count() <= 4, story.title
    assert {d.year for d in stories.values_list("date", flat=True)} == {2014, 2015, 2016}


def test_demo_users_log_in_to_the_admin_through_their_groups(demo):
    roles = {
        "sekretariat": "Sekretariat",
        "medredaktor": "Medredaktør",
        "rapportlaeser": "Rapportlæser",
    }
    for username, group in roles.items():
        user = get_user_model().objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert not user.is_staff and not user.is_superuser
        client = Client()
        assert client.login(username=username, password=PASSWORD), username
        dashboard = client.get("/admin/")
        assert dashboard.status_code == 200, username
        # Wagtail's dashboard greets the user by first name.
        assert user.first_name in dashboard.content.decode(), username


def test_running_it_again_changes_nothing(demo, monkeypatch):
    before = _counts()
    call_command("load_demo", stdout=StringIO())
    monkeypatch.delenv("DEMO_PASSWORD")
    call_command("load_demo", stdout=StringIO())
    assert _counts() == before
    assert Client().login(username="sekretariat", password=PASSWORD)


def test_a_changed_story_gets_exactly_one_new_revision(demo):
    story = StoryPage.objects.get(locale__language_code="da", slug="cafe-solstraalen")
    story.intro = "Redaktøren har skrevet noget andet."
    story.save_revision().publish()
    revisions = Revision.objects.count()
    call_command("load_demo", stdout=StringIO())
    story.refresh_from_db()
    assert story.intro.startswith("Hver tirsdag åbner Café Solstrålen")
    assert Revision.objects.count() == revisions + 1


def test_mad_med_historie_publishes_a_recipe_for_search_engines(demo):
    story = StoryPage.objects.get(locale__language_code="da", slug="mad-med-historie-linsesuppe")
    html = Client().get(story.url).content.decode()
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    recipes = [data for data in map(json.loads, scripts) if data.get("@type") == "Recipe"]
    assert len(recipes) == 1
    recipe = recipes[0]
    assert recipe["recipeYield"] == "6 personer"
    assert "250 g røde linser" in recipe["recipeIngredient"]
    assert len(recipe["recipeInstructions"]) >= 4


def test_first_run_without_demo_password_prints_generated_passwords(monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    out = StringIO()
    call_command("load_demo", stdout=out)
    output = out.getvalue()
    password = re.search(r"sekretariat\s+Sekretariat\s+adgangskode: (\S+)", output).group(1)
    assert Client().login(username="sekretariat", password=password)
    assert "Demo-indhold er klar" in output

    again = StringIO()
    call_command("load_demo", stdout=again)
    assert password not in again.getvalue()
    assert "adgangskoden er uændret" in again.getvalue()


def test_the_demo_speaks_arabic_turkish_urdu_and_english(demo):
    client = Client()
    for code, direction, word in (
        ("ar", "rtl", "مقهى سولستروولن"),
        ("tr", "ltr", "Salı artık yalnız bir gün değil"),
        ("ur", "rtl", "کیفے سولسٹرولن"),
        ("en", "ltr", "Tuesday is no longer a lonely day"),
    ):
        response = client.get(f"/{code}/historier/cafe-solstraalen/")
        html = response.content.decode()
        assert response.status_code == 200, code
        assert f'<html lang="{code}" dir="{direction}">' in html
        assert word in html
        front = client.get(f"/{code}/").content.decode()
        assert f'<html lang="{code}" dir="{direction}">' in front
        assert 'class="page-content" lang="da"' not in front  # the front page is translated
    for slug in (
        "cafe-solstraalen",
        "mad-med-historie-linsesuppe",
        "cykling-uden-alder",
        "en-hilsen-fra-din-nabo",
    ):
        assert StoryPage.objects.filter(slug=slug).live().count() == 5
    # The translations start without channel choices (none copied from the
    # Danish stories), so they post nowhere until an editor chooses a channel.
    translated = StoryPage.objects.exclude(locale__language_code="da")
    assert translated.exists()
    assert not PageChannel.objects.filter(page__in=translated).exists()
