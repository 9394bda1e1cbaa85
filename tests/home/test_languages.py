"""The site in Danish, Arabic, Turkish, Urdu and English (issue 26): Danish URLs
as before, the others under their prefix, the right lang and dir on every page,
the language menu and hreflang, the Danish original where a page is not
translated yet, and the translation round trip in the admin."""

import re

import pytest
from django.contrib.auth.models import Group, User
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.models import Locale

from home import language_roots, roles
from home.text import plain_text
from tests.factories import home_page, make_story, story_index

pytestmark = pytest.mark.django_db


def translate(page, code, **fields):
    """What the "Oversæt" action does, then the translator's text, published."""
    locale = Locale.objects.get(language_code=code)
    copy = CopyPageForTranslationAction(page=page, locale=locale).execute(
        skip_permission_checks=True
    )
    copy = copy.specific
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


def html_lang_dir(response) -> tuple[str, str]:
    match = re.search(r'<html lang="([^"]+)" dir="([^"]+)">', response.content.decode())
    assert match, "no <html lang dir>"
    return match.group(1), match.group(2)


@pytest.fixture
def arabic_tree():
    """The front page and "Historier" in Arabic, as after a migrate."""
    index = story_index()
    language_roots.ensure_locales()
    for page in language_roots.ensure_translated_roots():
        page.save_revision().publish()
    return index


def test_danish_pages_keep_their_urls_lang_and_direction(client):
    story = make_story(title="Bænken ved stranden", slug="baenken")
    assert story.url == "/historier/baenken/"
    response = client.get("/historier/baenken/")
    assert response.status_code == 200
    assert html_lang_dir(response) == ("da", "ltr")
    assert html_lang_dir(client.get("/")) == ("da", "ltr")


def test_an_arabic_story_is_right_to_left_under_its_prefix(client, arabic_tree):
    story = make_story(title="Bænken ved stranden", slug="baenken")
    arabic = translate(story, "ar", title="المقعد عند الشاطئ", intro="لقاء على المقعد.")
    assert arabic.url == "/ar/historier/baenken/"
    response = client.get(arabic.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html_lang_dir(response) == ("ar", "rtl")
    assert "المقعد عند الشاطئ" in html
    # The chrome speaks Arabic ...
    assert '<button type="submit">بحث</button>' in html
    # ... names its Danish original and the alternates ...
    assert '<link rel="alternate" hreflang="da" href="http://localhost/historier/baenken/">' in html
    arabic_link = (
        '<link rel="alternate" hreflang="ar" href="http://localhost/ar/historier/baenken/">'
    )
    assert arabic_link in html
    assert 'hreflang="x-default" href="http://localhost/historier/baenken/"' in html
    assert "Læs originalen på dansk" in html
    # ... and the language menu lists both, each in its own name and script.
    menu = html[html.index('class="language-menu"') :]
    menu = menu[: menu.index("</nav>")]
    assert 'lang="da" dir="ltr">Dansk</a>' in menu
    assert 'lang="ar" dir="rtl" aria-current="true">العربية</a>' in menu
    assert "Türkçe" not in menu  # not translated into Turkish


def test_every_language_has_its_own_lang_and_dir(client, arabic_tree):
    expected = {"ar": "rtl", "tr": "ltr", "ur": "rtl", "en": "ltr"}
    for code, direction in expected.items():
        response = client.get(f"/{code}/")
        assert response.status_code == 200, code
        assert html_lang_dir(response) == (code, direction)


def test_an_untranslated_story_is_the_danish_original_marked_as_danish(client, arabic_tree):
    story = make_story(title="Kor på tværs", slug="kor")
    response = client.get("/ur/historier/kor/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html_lang_dir(response) == ("ur", "rtl")
    assert "یہ صفحہ ابھی آپ کی زبان میں دستیاب نہیں" in html  # "not in your language yet"
    assert '<div class="page-content" lang="da" dir="ltr">' in html
    assert '<link rel="canonical" href="http://localhost/historier/kor/">' in html
    assert story.title in html


def test_a_danish_story_in_an_arabic_listing_carries_lang_da(client, arabic_tree):
    make_story(title="Kor på tværs", slug="kor")
    translated = make_story(title="Bænken ved stranden", slug="baenken")
    translate(translated, "ar", title="المقعد عند الشاطئ")
    html = client.get("/ar/historier/").content.decode()
    assert '<h2 class="card__title" lang="da" dir="ltr">' in html
    # The reader keeps Arabic: the Danish story's link stays under /ar/.
    assert 'href="/ar/historier/kor/"' in html


def test_the_page_cache_keeps_each_language_apart_and_a_publish_purges_all(
    client, arabic_tree, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    story = make_story(title="Kor på tværs", slug="kor")
    assert client.get("/historier/kor/")["X-Page-Cache"] == "miss"
    arabic = client.get("/ar/historier/kor/")
    assert arabic["X-Page-Cache"] == "miss"
    assert html_lang_dir(arabic) == ("ar", "rtl")
    assert client.get("/ar/historier/kor/")["X-Page-Cache"] == "hit"
    assert html_lang_dir(client.get("/historier/kor/")) == ("da", "ltr")
    story.title = "Koret synger igen"
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    again = client.get("/ar/historier/kor/")
    assert again["X-Page-Cache"] == "miss"
    assert "Koret synger igen" in again.content.decode()


def test_search_and_forms_exist_in_every_language(client):
    home_page()
    response = client.get("/tr/search/?query=kor")
    assert response.status_code == 200
    assert html_lang_dir(response) == ("tr", "ltr")
    assert "Vores Ishøj&#x27;de ara" in response.content.decode() or "Vores Ishøj'de ara" in (
        response.content.decode()
    )


@pytest.fixture
def secretariat(django_user_model):
    return django_user_model.objects.create_superuser("sekretariat", "s@example.org", "pw")


def test_translation_round_trip_in_the_admin(client, secretariat, arabic_tree):
    story = make_story(title="Bænken ved stranden", slug="baenken")
    client.force_login(secretariat)
    arabic = Locale.objects.get(language_code="ar")
    response = client.post(f"/admin/translation/submit/page/{story.pk}/", {"locales": [arabic.pk]})
    assert response.status_code == 302
    translation = story.get_translation(arabic)
    assert translation.title == "Bænken ved stranden"  # the copy starts from the Danish
    edit_url = f"/admin/pages/{translation.pk}/edit/"
    assert "Originalen er ændret efter oversættelsen" not in client.get(edit_url).content.decode()
    # The secretariat changes the Danish original afterwards.
    story.intro = "En ny manchet om bænken."
    story.save_revision().publish()
    html = client.get(edit_url).content.decode()
    assert "Originalen er ændret efter oversættelsen" in html
    assert "Manchet" in html.split("Originalen er ændret efter oversættelsen", 1)[1][:300]


def _changes_shown(html: str) -> list[str]:
    """The warning's changed passages as a translator reads them (tags dropped)."""
    return [
        " ".join(plain_text(item).split())
        for item in re.findall(r"<li data-original-change>(.*?)</li>", html, re.S)
    ]


def test_the_warning_shows_the_originals_old_and_new_sentence(client, secretariat, arabic_tree):
    story = make_story(
        title="Bænken ved stranden",
        slug="baenken",
        body=[
            (
                "paragraph",
                "<p>Bænken står ved stranden. Den blev malet i maj.</p><p>Alle er velkomne.</p>",
            )
        ],
    )
    client.force_login(secretariat)
    arabic = Locale.objects.get(language_code="ar")
    client.post(f"/admin/translation/submit/page/{story.pk}/", {"locales": [arabic.pk]})
    translation = story.get_translation(arabic)
    story.body = [
        (
            "paragraph",
            "<p>Bænken står ved stranden. Den blev malet om i juni.</p><p>Alle er velkomne.</p>",
        )
    ]
    story.save_revision().publish()

    html = client.get(f"/admin/pages/{translation.pk}/edit/").content.decode()
    warning = html.split("Originalen er ændret efter oversættelsen", 1)[1]
    assert "Brødtekst" in warning[:200]
    # Only the changed sentence, before and after; the unchanged ones are left out.
    assert _changes_shown(html) == ["Før: Den blev malet i maj. → Nu: Den blev malet om i juni."]
    assert "<del>" in warning and "<ins>" in warning
    # The secretariat may open Wagtail's side-by-side comparison of the original.
    assert f"/admin/pages/{story.pk}/revisions/compare/" in warning


def test_a_changed_intro_is_shown_before_and_after(client, secretariat, arabic_tree):
    story = make_story(title="Koret", slug="koret", intro="Koret synger hver torsdag.")
    client.force_login(secretariat)
    arabic = Locale.objects.get(language_code="ar")
    client.post(f"/admin/translation/submit/page/{story.pk}/", {"locales": [arabic.pk]})
    translation = story.get_translation(arabic)
    story.intro = "Koret synger hver onsdag."
    story.save_revision().publish()

    html = client.get(f"/admin/pages/{translation.pk}/edit/").content.decode()
    assert _changes_shown(html) == [
        "Før: Koret synger hver torsdag. → Nu: Koret synger hver onsdag."
    ]


def test_a_translator_translates_but_neither_publishes_nor_edits_danish(client, arabic_tree):
    story = make_story(title="Bænken ved stranden", slug="baenken")
    language_roots.grant_translator_pages()
    translator = User.objects.create_user("oversaetter", password="pw")
    translator.groups.add(Group.objects.get(name=roles.OVERSAETTER))
    client.force_login(translator)
    dashboard = client.get("/admin/").content.decode()
    assert "Til oversættelse" in dashboard
    assert f"/admin/translation/submit/page/{story.pk}/" in dashboard
    arabic = Locale.objects.get(language_code="ar")
    response = client.post(f"/admin/translation/submit/page/{story.pk}/", {"locales": [arabic.pk]})
    assert response.status_code == 302
    translation = story.get_translation(arabic)
    permissions = translation.permissions_for_user(translator)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert not story.permissions_for_user(translator).can_edit()
    assert client.get(f"/admin/pages/{story.pk}/edit/").status_code in (302, 403)


def test_the_sitemap_lists_every_language_with_its_alternates(client, arabic_tree):
    story = make_story(title="Bænken ved stranden", slug="baenken")
    translate(story, "ar", title="المقعد عند الشاطئ")
    make_story(title="Kor på tværs", slug="kor")
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/ar/historier/baenken/</loc>" in xml
    entry = xml[xml.index("<loc>http://localhost/historier/baenken/</loc>") :]
    entry = entry[: entry.index("</url>")]
    assert 'hreflang="ar" href="http://localhost/ar/historier/baenken/"' in entry
    assert 'hreflang="x-default" href="http://localhost/historier/baenken/"' in entry
    untranslated = xml[xml.index("<loc>http://localhost/historier/kor/</loc>") :]
    assert "xhtml:link" not in untranslated[: untranslated.index("</url>")]
