import pytest

from channels.models import PublicationStatus as S
from tests.channels.helpers import choose, publication, publish, set_options, unpublish
from tests.factories import make_story

pytestmark = pytest.mark.django_db


def test_a_published_story_becomes_one_link_post_on_the_page(
    standin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(title="Strandrensning", slug="strandrensning", tags=["natur"])

    pub = publication(story, "facebook")
    posts = standin.posts()["facebook"]
    assert pub.status == S.PUBLISHED
    assert [p["id"] for p in posts] == [pub.external_id]
    assert posts[0]["link"].endswith(
        "/strandrensning/?utm_source=facebook&utm_medium=social&utm_campaign=strandrensning"
    )
    assert "#Natur" in posts[0]["message"] and "Strandrensning" in posts[0]["message"]
    assert pub.external_url == f"https://www.facebook.com/{pub.external_id}"


def test_a_photo_post_keeps_its_post_id(standin, django_capture_on_commit_callbacks):
    story = make_story(publish=False)
    choose(story, "facebook", as_photo=True)
    publish(story, django_capture_on_commit_callbacks)

    pub = publication(story, "facebook")
    (post,) = standin.posts()["facebook"]
    assert post["photo"].startswith("http://127.0.0.1:") and post["photo"].endswith(".jpg")
    assert pub.external_id == post["id"] and pub.draft["photo_id"]


def test_editing_and_republishing_updates_the_same_post(
    standin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(intro="Første udgave.")
    story.intro = "Rettet udgave."
    publish(story, django_capture_on_commit_callbacks)

    (post,) = standin.posts()["facebook"]
    assert "Rettet udgave." in post["message"] and post["edits"] == 1
    assert publication(story, "facebook").status == S.PUBLISHED


def test_republishing_without_changes_sends_nothing(standin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    writes = len([r for r in standin.requests_to("facebook") if r["method"] != "GET"])
    publish(story, django_capture_on_commit_callbacks)

    assert len([r for r in standin.requests_to("facebook") if r["method"] != "GET"]) == writes


def test_unpublishing_withdraws_the_post(standin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    unpublish(story, django_capture_on_commit_callbacks)

    assert standin.posts()["facebook"] == []
    assert len(standin.posts()["facebook_deleted"]) == 1
    assert publication(story, "facebook").status == S.WITHDRAWN


def test_reach_uses_the_platforms_metric_names(standin, django_capture_on_commit_callbacks):
    from channels.registry import get_channel

    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    reach = get_channel("facebook").fetch_reach(publication(story, "facebook").record())

    # Meta's views metrics since 15 November 2025 (the impressions ones are gone).
    assert set(reach.metrics) == {"post_total_media_view_unique", "post_media_view"}


def test_a_channel_without_credentials_is_not_set_up(settings, django_capture_on_commit_callbacks):
    set_options(settings, "facebook", TOKEN="")
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()

    assert not story.publications.filter(channel="facebook").exists()
