"""A story's picture is `image` like every page type's (stories 0013), and
nothing made under the old name `hero_image` is lost: drafts, scheduled
publications and the history keep their picture, comments stay on the field,
an image's usage still names the story, and the API keeps publishing
`hero_image` for the municipal sites that read it."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from wagtail.models import Comment, ReferenceIndex, Revision

from stories.models import StoryPage
from tests.factories import make_image, make_story

pytestmark = pytest.mark.django_db

migration = importlib.import_module("stories.migrations.0013_story_image_names")
OLD = {"image": "hero_image", "image_alt": "hero_image_alt", "image_caption": "hero_image_caption"}


def stored_before_the_rename(revision: Revision) -> None:
    """Write the revision's JSON as Wagtail saved it when the fields had their old names."""
    content = {OLD.get(key, key): value for key, value in revision.content.items()}
    Revision.objects.filter(pk=revision.pk).update(content=content)


@pytest.fixture
def secretariat():
    user = get_user_model().objects.create_superuser("sek", "s@example.dk", "x")
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client, user


def test_a_scheduled_publication_saved_under_the_old_names_goes_live_with_its_picture():
    story = make_story(title="Bål på stranden")
    picture = make_image("Bål")
    story.image = picture
    story.image_alt = "Naboer om et bål i skumringen"
    story.image_caption = "Sankthans 2026"
    story.go_live_at = timezone.now() - timedelta(minutes=1)
    scheduled = story.save_revision(approved_go_live_at=story.go_live_at)
    stored_before_the_rename(scheduled)
    # Under the old names Wagtail would publish the story without its picture.
    assert Revision.objects.get(pk=scheduled.pk).as_object().image is None

    migration.forwards(apps, None)

    Revision.objects.get(pk=scheduled.pk).publish()
    live = StoryPage.objects.get(pk=story.pk)
    assert live.image == picture
    assert live.image_alt == "Naboer om et bål i skumringen"
    assert live.image_caption == "Sankthans 2026"
    assert 'alt="Naboer om et bål i skumringen"' in Client().get(live.url).content.decode()


def test_an_old_revision_opens_with_its_picture_in_the_editor(secretariat):
    client, _ = secretariat
    first_picture = make_image("Første billede")
    story = make_story(title="Kaffe på trappen", image=first_picture)
    old = story.latest_revision
    story.image = make_image("Andet billede")
    story.save_revision().publish()
    stored_before_the_rename(old)

    migration.forwards(apps, None)

    response = client.get(f"/admin/pages/{story.pk}/revisions/{old.pk}/revert/")
    assert response.status_code == 200
    assert f'name="image" value="{first_picture.pk}"' in response.content.decode()


def test_a_comment_on_the_alt_text_stays_on_the_field(secretariat):
    _, user = secretariat
    story = make_story()
    comment = Comment.objects.create(
        page=story, user=user, text="Beskriv hvem der er på billedet", contentpath="hero_image_alt"
    )
    revision = story.save_revision()
    content = {OLD.get(key, key): value for key, value in revision.content.items()}
    content["wagtail_admin_comments"] = [
        {"pk": comment.pk, "text": comment.text, "contentpath": "hero_image_alt"}
    ]
    Revision.objects.filter(pk=revision.pk).update(content=content)

    migration.forwards(apps, None)

    assert Comment.objects.get(pk=comment.pk).contentpath == "image_alt"
    stored = Revision.objects.get(pk=revision.pk).content
    assert stored["wagtail_admin_comments"][0]["contentpath"] == "image_alt"
    assert "hero_image_alt" not in stored and stored["image_alt"] == story.image_alt


def test_an_images_usage_still_names_the_story_and_its_field(secretariat):
    client, _ = secretariat
    picture = make_image("Havebillede")
    story = make_story(title="Tulipaner i fælleshaven", image=picture)
    reference = ReferenceIndex.objects.get(object_id=str(story.pk), model_path="image")
    ReferenceIndex.objects.filter(pk=reference.pk).update(
        model_path="hero_image",
        content_path="hero_image",
        content_path_hash=ReferenceIndex._get_content_path_hash("hero_image"),
    )

    migration.forwards(apps, None)

    reference = ReferenceIndex.objects.get(pk=reference.pk)
    assert reference.content_path_hash == ReferenceIndex._get_content_path_hash("image")
    response = client.get(f"/admin/images/usage/{picture.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tulipaner i fælleshaven" in html and "Hovedbillede" in html


def test_migrating_back_restores_the_old_names():
    story = make_story()
    revision = story.latest_revision

    migration.backwards(apps, None)

    content = Revision.objects.get(pk=revision.pk).content
    assert content["hero_image"] == story.image_id and "image" not in content
    assert content["hero_image_alt"] == story.image_alt


def test_the_api_keeps_publishing_hero_image_after_the_rename(client):
    picture = make_image("Strandbillede")
    story = make_story(
        title="Affald på stranden",
        image=picture,
        image_alt="Børn samler affald",
        image_caption="Dagens fangst",
    )

    detail = client.get(f"/api/v2/pages/{story.pk}/").json()
    assert detail["hero_image"]["id"] == picture.pk
    assert detail["hero_image"]["alt"] == "Børn samler affald"
    assert detail["hero_image_alt"] == "Børn samler affald"
    assert detail["hero_image_caption"] == "Dagens fangst"
    assert not {"image", "image_alt", "image_caption"} & detail.keys()

    asked = client.get(
        "/api/v2/pages/",
        {"type": "stories.StoryPage", "fields": "hero_image_alt,hero_image_caption"},
    ).json()
    [item] = asked["items"]
    assert item["hero_image"]["renditions"]["medium"]["width"] == 800
    assert (item["hero_image_alt"], item["hero_image_caption"]) == (
        "Børn samler affald",
        "Dagens fangst",
    )

    only_picture = client.get(
        "/api/v2/pages/", {"type": "stories.StoryPage", "fields": "_,hero_image"}
    ).json()
    assert only_picture["items"] == [{"hero_image": detail["hero_image"]}]

    # The model's name is not a second public name.
    refused = client.get("/api/v2/pages/", {"type": "stories.StoryPage", "fields": "image"})
    assert refused.status_code == 400


def test_story_lists_filter_and_sort_by_the_public_names_as_before(client):
    make_story(title="Affald på stranden", image_alt="Børn samler affald")
    make_story(title="Bål ved søen", image_alt="Aftensol over et bål")
    query = {"type": "stories.StoryPage", "fields": "_,title"}

    found = client.get("/api/v2/pages/", {**query, "hero_image_alt": "Børn samler affald"})
    assert found.json()["items"] == [{"title": "Affald på stranden"}]

    ordered = client.get("/api/v2/pages/", {**query, "order": "hero_image_alt"}).json()
    assert [item["title"] for item in ordered["items"]] == ["Bål ved søen", "Affald på stranden"]
    newest_alt_first = client.get("/api/v2/pages/", {**query, "order": "-hero_image_alt"})
    assert [item["title"] for item in newest_alt_first.json()["items"]] == [
        "Affald på stranden",
        "Bål ved søen",
    ]
