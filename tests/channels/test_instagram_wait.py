"""Instagram's processing time: the same container is asked about once a minute,
for up to five minutes, without a worker waiting for it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from channels import performing
from channels.governor import governor
from channels.models import PublicationStatus as S
from tests.channels.helpers import publication
from tests.factories import make_story

pytestmark = pytest.mark.django_db


def later(standin, seconds):
    """Move both clocks: Instagram's processing and the portal's retry times."""
    standin.advance(seconds)
    moment = governor.now() + timedelta(seconds=seconds)
    governor.clock = lambda: moment


def test_a_slow_container_is_asked_about_again_a_minute_later_and_then_published(
    standin, django_capture_on_commit_callbacks
):
    standin.configure(ig_processing_seconds=150)
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    waiting = publication(story, "instagram")

    assert waiting.status == S.QUEUED and waiting.attempts == 0
    assert "behandler billedet" in waiting.notice
    assert timedelta(seconds=55) < waiting.next_attempt_at - timezone.now() < timedelta(minutes=2)
    container = waiting.draft["container"]

    later(standin, 61)
    assert performing.perform(waiting.pk) == S.QUEUED  # still processing
    later(standin, 122)
    assert performing.perform(waiting.pk) == S.PUBLISHED

    assert list(standin.state.ig_containers) == [container]  # one container, kept throughout
    (media,) = standin.posts()["instagram"]
    assert publication(story, "instagram").external_id == media["id"]


def test_a_container_ending_in_error_shows_instagrams_reason_in_danish(
    standin, django_capture_on_commit_callbacks
):
    standin.configure(ig_container_error_subcode=2207026)
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()

    pub = publication(story, "instagram")
    assert pub.status == S.FAILED
    assert "Instagram understøtter ikke mediets format" in pub.last_error
    assert "2207026" in pub.last_error
    assert not pub.draft.get("container")  # "Prøv igen" makes a new one
    assert standin.posts()["instagram"] == []


@pytest.mark.parametrize(
    ("subcode", "field"),
    [(2207026, "image"), (2207009, "image"), (2207010, "intro")],
)
def test_a_refused_container_points_the_editor_at_the_field_that_fixes_it(
    standin, django_capture_on_commit_callbacks, subcode, field
):
    # The Kanaler card links to this field ("where to fix"): a wrong image format
    # is fixed in the story's image, a too long caption in its teaser text.
    standin.configure(ig_container_error_subcode=subcode)
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()

    pub = publication(story, "instagram")
    assert pub.status == S.FAILED
    assert pub.fix_field == field


def test_after_five_minutes_of_processing_the_post_fails_and_keeps_its_container(
    standin, django_capture_on_commit_callbacks
):
    standin.configure(ig_processing_seconds=3600)
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    pub = publication(story, "instagram")
    container = pub.draft["container"]

    for _minute in range(6):
        later(standin, 61)
        performing.perform(pub.pk)
    pub.refresh_from_db()

    assert pub.status == S.FAILED and "inden for 5 minutter" in pub.last_error
    assert pub.draft["container"] == container  # asked about again after "Prøv igen"
    assert len(standin.state.ig_containers) == 1


def test_an_edit_while_instagram_processes_makes_a_container_with_the_new_text(
    standin, django_capture_on_commit_callbacks
):
    from tests.channels.helpers import publish

    standin.configure(ig_processing_seconds=30)
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    story.intro = "Rettet manchet."
    publish(story, django_capture_on_commit_callbacks)
    later(standin, 61)
    performing.perform(publication(story, "instagram").pk)

    (media,) = standin.posts()["instagram"]
    assert "Rettet manchet." in media["caption"]
