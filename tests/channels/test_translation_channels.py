"""A translation is a page of its own for the channels: made by "Oversæt" it
starts without channel choices and posts nowhere, until an editor chooses a
channel for it with its own text; its posts record their language and never
touch the Danish original's posts."""

import pytest
from wagtail.models import Locale

from channels.models import PageChannel, Publication
from channels.models import PublicationStatus as S
from home import language_roots
from tests.channels.helpers import choose, publication, publish
from tests.factories import make_story, story_index

pytestmark = pytest.mark.django_db

ARABIC_TEXT = "مقعد جديد على الشاطئ. تعالوا واجلسوا معنا."


@pytest.fixture
def arabic_tree():
    """The front page and "Historier" in Arabic, as after a migrate."""
    story_index()
    language_roots.ensure_locales()
    for page in language_roots.ensure_translated_roots():
        page.save_revision().publish()


@pytest.fixture
def secretariat(django_user_model):
    return django_user_model.objects.create_superuser("sekretariat", "s@example.org", "pw")


def _translate(client, story):
    """The "Oversæt" action of the admin, into Arabic."""
    arabic = Locale.objects.get(language_code="ar")
    response = client.post(f"/admin/translation/submit/page/{story.pk}/", {"locales": [arabic.pk]})
    assert response.status_code == 302
    return story.get_translation(arabic).specific


@pytest.fixture
def danish_story(standin, arabic_tree, django_capture_on_commit_callbacks):
    """A Danish story out on Facebook with the secretariat's own Facebook text."""
    story = make_story(title="Bænken ved stranden", slug="baenken", publish=False)
    choose(story, "facebook", text="Ny bænk på stranden. Kom og sid med!")
    return publish(story, django_capture_on_commit_callbacks)


def test_a_translation_starts_without_the_originals_channel_choices(
    client, secretariat, danish_story
):
    client.force_login(secretariat)
    translation = _translate(client, danish_story)
    assert not PageChannel.objects.filter(page=translation).exists()
    # Nor in the draft the editor opens: the Kanaler tab has no rows, every channel off.
    html = client.get(f"/admin/pages/{translation.pk}/edit/").content.decode()
    assert 'name="channel_settings-TOTAL_FORMS" value="0"' in html
    assert "Ny bænk på stranden" not in html
    assert "Slået til" not in html
    assert "(en oversættelse udgives kun på de kanaler, du vælger)" in html
    # The original keeps its own choice.
    assert [c.channel for c in danish_story.channel_settings.all()] == ["facebook"]


def test_a_translation_posts_nowhere_until_an_editor_chooses_a_channel(
    client, secretariat, danish_story, standin, django_capture_on_commit_callbacks
):
    client.force_login(secretariat)
    translation = _translate(client, danish_story)
    publish(translation, django_capture_on_commit_callbacks)
    assert not Publication.objects.filter(page=translation).exists()
    assert len(standin.posts()["facebook"]) == 1  # the Danish one


def test_the_arabic_version_posts_to_facebook_with_its_own_text_and_language(
    client, secretariat, danish_story, standin, django_capture_on_commit_callbacks
):
    danish_post = publication(danish_story, "facebook")
    before = Publication.objects.filter(page=danish_story).values().order_by("channel")
    before = list(before)
    client.force_login(secretariat)
    translation = _translate(client, danish_story)
    translation.title = "المقعد على الشاطئ"
    choose(translation, "facebook", text=ARABIC_TEXT)
    publish(translation, django_capture_on_commit_callbacks)

    arabic_post = publication(translation, "facebook")
    assert (arabic_post.status, arabic_post.language) == (S.PUBLISHED, "ar")
    assert arabic_post.external_id != danish_post.external_id
    # Only Facebook: the channels the Danish story posts on by default are not chosen.
    assert list(Publication.objects.filter(page=translation).values_list("channel", flat=True)) == [
        "facebook"
    ]
    messages = {post["id"]: post["message"] for post in standin.posts()["facebook"]}
    assert ARABIC_TEXT in messages[arabic_post.external_id]
    assert "/ar/" in arabic_post.page_url
    assert "Ny bænk på stranden" in messages[danish_post.external_id]
    # The Danish original's posts are exactly as they were: not updated, not withdrawn.
    after = list(Publication.objects.filter(page=danish_story).values().order_by("channel"))
    assert after == before
