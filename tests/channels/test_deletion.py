"""Posts outlive their page: deleting it takes every post down once and keeps the record."""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.actions.delete_page import DeletePageAction

from channels.models import Publication
from channels.models import PublicationStatus as S
from channels.reach.channel_summary import channel_summary
from channels.reach.models import ReachPull
from channels.reach.periods import last_twelve_months
from channels.reach.pulling import pull_reach
from channels.reach.reports import story_rows
from stories.models import StoryIndexPage
from tests.factories import home_page, make_story

pytestmark = pytest.mark.django_db


def deletes_to(standin, platform):
    return [r for r in standin.requests_to(platform) if r["method"] == "DELETE"]


def delete(page, capture):
    with capture(execute=True):
        DeletePageAction(page).execute(skip_permission_checks=True)


def test_deleting_a_live_story_takes_its_post_down_once_and_keeps_the_record(
    standin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(title="Sommerfest i Strandparken")
    address = story.get_full_url()
    post_id = Publication.objects.get(page=story, channel="facebook").external_id

    delete(story, django_capture_on_commit_callbacks)

    assert standin.posts()["facebook"] == []
    assert [r["path"].rsplit("/", 1)[-1] for r in deletes_to(standin, "facebook")] == [post_id]
    kept = Publication.objects.get(external_id=post_id)
    assert kept.page_id is None and kept.status == S.WITHDRAWN
    assert kept.page_title == "Sommerfest i Strandparken" and kept.page_url.endswith(
        address.split("://", 1)[1]
    )


def test_a_post_the_platform_cannot_delete_tells_the_editor_to_do_it_by_hand(
    standin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(title="Billeder fra Ishøj Havn")

    delete(story, django_capture_on_commit_callbacks)

    instagram = Publication.objects.get(channel="instagram", page_title="Billeder fra Ishøj Havn")
    assert instagram.status == S.PUBLISHED  # still on Instagram, and the portal says so
    assert "slettet" in instagram.notice and "Slet det i hånden på Instagram" in instagram.notice


def test_deleting_a_subtree_takes_down_every_story_in_it_once(
    standin, django_capture_on_commit_callbacks
):
    index = StoryIndexPage(title="Gamle historier", slug="gamle-historier")
    home_page().add_child(instance=index)
    index.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        first = make_story(index=index, title="Første")
        second = make_story(index=index, title="Anden")
    ids = set(
        Publication.objects.filter(page__in=[first, second], channel="facebook").values_list(
            "external_id", flat=True
        )
    )

    delete(index, django_capture_on_commit_callbacks)

    assert standin.posts()["facebook"] == []
    deleted = [r["path"].rsplit("/", 1)[-1] for r in deletes_to(standin, "facebook")]
    assert sorted(deleted) == sorted(ids)  # each post once, none twice
    assert Publication.objects.filter(external_id__in=ids, status=S.WITHDRAWN).count() == 2


def test_the_reach_gathered_before_the_deletion_stays(standin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(title="Fællesspisning")
    pull_reach()
    pulls = ReachPull.objects.filter(publication__page=story, ok=True).count()
    assert pulls

    delete(story, django_capture_on_commit_callbacks)

    kept = ReachPull.objects.filter(publication__page_title="Fællesspisning", ok=True)
    assert kept.count() == pulls and kept.filter(metrics__isnull=False).exists()
    # The council report's channel figures still count the deleted story's post.
    period = last_twelve_months(timezone.localdate())
    facebook = [
        f for f in channel_summary(story_rows(period), period, 0) if f.channel == "facebook"
    ]
    assert facebook and all(f.posts == 1 for f in facebook)
    people = next(f for f in facebook if f.counts_people)
    assert people.best_title == "Fællesspisning (slettet)"


def test_the_channel_report_lists_a_deleted_storys_posts_by_their_title(
    standin, admin_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(title="Loppemarked i Vildtbanegård")
    delete(story, django_capture_on_commit_callbacks)

    html = admin_client.get(reverse("channels_report")).content.decode()

    assert "Loppemarked i Vildtbanegård (slettet)" in html
    assert "Trukket tilbage" in html
