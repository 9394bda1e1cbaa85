"""Every resident form and download is linked where a person looks for it."""

import re

import pytest
from django.core.exceptions import ValidationError

from stories.blocks import CallToActionBlock
from tests.community.helpers import make_group, make_photo_call
from tests.factories import make_image, make_story, story_index
from tests.locations.helpers import map_page
from tests.stories.event_factories import event_index

pytestmark = pytest.mark.django_db

FORMS = (
    "/fortael/",
    "/fortael/?type=opskrift",
    "/kogebog.pdf",
    "/det-sker/foreslaa/",
    "/grupper/giv-en-haand/",
    "/kort/foreslaa/",
)


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def portal():
    """A site with every page a form hangs from."""
    index = story_index()
    index.intro = "Læs dem alle – og fortæl os gerne din egen."
    index.save_revision().publish()
    event_index()
    map_page()
    make_group("Dyrk Ishøj")
    return make_photo_call("Min sommer i Ishøj")


def footer(html: str) -> str:
    return re.search(r'<footer class="site-footer">(.*?)</footer>', html, re.S).group(1)


def test_the_footer_of_every_page_links_every_form_and_the_cookbook(client, portal):
    story = make_story(title="Café Solstrålen")
    for url in ("/", "/historier/", story.url, "/det-sker/", "/kort/", "/grupper/"):
        links = footer(client.get(url).content.decode())
        for href in (*FORMS, portal.url):
            assert f'href="{href}"' in links, (url, href)


def test_the_story_index_links_its_invitation_to_the_form(client, portal):
    html = client.get("/historier/").content.decode()
    assert 'og <a href="/fortael/">fortæl os gerne din egen</a>.' in html
    assert 'href="/fortael/?type=opskrift">Del en opskrift</a>' in html


def test_a_story_ends_with_the_way_to_tell_ones_own(client, portal):
    story = make_story(title="En hilsen fra din nabo")
    html = client.get(story.url).content.decode()
    end = html[html.index('<footer class="story__footer">') :]
    assert '<a class="button" href="/fortael/">Fortæl din historie</a>' in end


def test_a_recipe_ends_with_sharing_a_recipe_and_the_cookbook(client, portal):
    recipe = {"name": "Mormors frikadeller", "servings": 4, "prep_minutes": None,
              "ingredients": ["500 g fars"], "steps": ["Steg dem."]}  # fmt: skip
    story = make_story(title="Mad med historie: Frikadeller", body=[("recipe", recipe)])
    html = client.get(story.url).content.decode()
    assert 'href="/fortael/?type=opskrift">Del din opskrift</a>' in html
    assert 'href="/kogebog.pdf">Hent kogebogen' in html


def test_a_call_to_action_leads_to_our_own_form(client, portal):
    cta = {"text": "Har du en god nabo? Fortæl os historien.",
           "button_label": "Fortæl os historien", "page": None, "url": "/fortael/"}  # fmt: skip
    story = make_story(title="En hilsen fra din nabo", body=[("call_to_action", cta)])
    html = client.get(story.url).content.decode()
    assert '<a class="button" href="/fortael/">Fortæl os historien</a>' in html
    assert "facebook.com/groups" not in html[: html.index('<footer class="site-footer">')]
    # The story already asks for the reader's own: no second invitation below it.
    assert "Har du også en historie fra Ishøj?" not in html


@pytest.mark.parametrize("url", ["/fortael/", "/fortael/?type=opskrift", "https://ishoj.dk/"])
def test_a_call_to_action_accepts_site_addresses_and_web_addresses(url):
    block = CallToActionBlock()
    value = block.to_python({"text": "Vær med", "button_label": "Her", "page": None, "url": url})
    assert block.clean(value)["url"] == url


@pytest.mark.parametrize(
    "url", ["fortael", "javascript:alert(1)", "//evil.example/", "ftp://x.dk/"]
)
def test_a_call_to_action_refuses_what_is_not_an_address(url):
    block = CallToActionBlock()
    value = block.to_python({"text": "Vær med", "button_label": "Her", "page": None, "url": url})
    with pytest.raises(ValidationError):
        block.clean(value)


def test_det_sker_the_map_and_the_groups_link_their_forms(client, portal):
    assert 'href="/det-sker/foreslaa/"' in client.get("/det-sker/").content.decode()
    assert 'href="/kort/foreslaa/"' in client.get("/kort/").content.decode()
    assert 'href="/grupper/giv-en-haand/"' in client.get("/grupper/").content.decode()
    group_page = client.get("/grupper/").content.decode()
    assert "Dyrk Ishøj" in group_page


def test_image_credits_read_naturally(client, portal):
    image = make_image()
    gallery = {"title": "Fra festen", "images": [
        {"image": image, "alt_text": "Dans", "caption": "Dansen", "credit": "Lis H."},
        {"image": image, "alt_text": "Mad", "caption": "Maden",
         "credit": "Illustration: Vores Ishøj"},
    ]}  # fmt: skip
    story = make_story(body=[("gallery", gallery)])
    html = client.get(story.url).content.decode()
    assert '<span class="credit">Foto: Lis H.</span>' in html
    assert '<span class="credit">Illustration: Vores Ishøj</span>' in html
    assert "Foto: Illustration" not in html


def test_an_image_credit_in_an_arabic_story_reads_in_arabic(client, portal):
    from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
    from wagtail.models import Locale

    from home import language_roots

    language_roots.ensure_locales()
    for root in language_roots.ensure_translated_roots():
        root.save_revision().publish()
    image = make_image()
    gallery = {"title": "Fra festen", "images": [
        {"image": image, "alt_text": "Dans", "caption": "Dansen", "credit": "Lis H."},
    ]}  # fmt: skip
    story = make_story(body=[("gallery", gallery)])
    arabic = CopyPageForTranslationAction(
        page=story, locale=Locale.objects.get(language_code="ar")
    ).execute(skip_permission_checks=True)
    arabic.specific.save_revision().publish()
    html = client.get(arabic.specific.url).content.decode()
    assert '<span class="credit">تصوير: Lis H.</span>' in html
    assert "Foto: Lis H." not in html
    assert '<span class="credit">Foto: Lis H.</span>' in client.get(story.url).content.decode()
