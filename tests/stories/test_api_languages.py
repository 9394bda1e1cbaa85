"""The API knows each page's language: `meta.locale` on every item, `?locale=`
to choose one language, a Danish error for a language the portal lacks."""

import pytest

from tests.stories.language_factories import languages, story_in  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

LIST = "/api/v2/pages/"


@pytest.fixture
def stories(languages):  # noqa: F811
    return {
        "da": story_in("da", title="Lektiecafé på biblioteket"),
        "ar": story_in("ar", title="افتتاح المكتبة الجديدة", intro="جيران يلتقون."),
        "ur": story_in("ur", title="لائبریری میں کہانیاں", intro="پڑوسی ملتے ہیں۔"),
        "tr": story_in("tr", title="İstanbul'dan gelen komşular", intro="Kitapları paylaşıyoruz."),
    }


def _items(client, **params) -> dict[str, str]:
    response = client.get(LIST, {"type": "stories.StoryPage", **params})
    assert response.status_code == 200, response.content
    return {item["title"]: item["meta"]["locale"] for item in response.json()["items"]}


def test_every_story_in_a_list_says_its_language(client, stories):
    assert _items(client) == {story.title: code for code, story in stories.items()}


def test_a_list_in_one_language(client, stories):
    for code, story in stories.items():
        assert _items(client, locale=code) == {story.title: code}


def test_a_story_alone_says_its_language(client, stories):
    for code, story in stories.items():
        data = client.get(f"{LIST}{story.pk}/").json()
        assert (data["title"], data["meta"]["locale"]) == (story.title, code)


def test_the_language_is_also_shown_when_fields_are_chosen(client, stories):
    assert _items(client, fields="intro", locale="ar") == {stories["ar"].title: "ar"}


def test_a_language_the_portal_lacks_is_named_in_danish(client, stories):
    for wrong in ["xx", "AR", "' OR 1=1 --", "x" * 500, "עברית"]:
        response = client.get(LIST, {"locale": wrong})
        assert response.status_code == 400, wrong
        assert response.json()["message"] == (
            "Ukendt sprog i 'locale'. Brug en af sprogkoderne: da, ar, tr, ur, en."
        ), wrong
    # A NUL byte never reaches the API (home/input_guard.py); still no 500.
    assert client.get(LIST, {"locale": "ar\x00"}).status_code == 400
