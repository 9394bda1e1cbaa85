"""The editor's "Registrér link": only for a post shared by hand, never over another."""

import pytest
from django.urls import reverse

from channels.models import Publication
from channels.models import PublicationStatus as S
from tests.factories import make_story

pytestmark = pytest.mark.django_db

GROUP_POST = "https://www.facebook.com/groups/voresishoj/posts/123"


def record(client, pub, url=GROUP_POST):
    return client.post(reverse("channels_record_url", args=[pub.pk]), {"url": url}, follow=True)


def test_recording_the_groups_post_marks_it_published_with_its_time(
    standin, admin_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    pub = Publication.objects.get(page=story, channel="facebook_group")
    assert pub.status == S.MANUAL

    response = record(admin_client, pub)

    pub.refresh_from_db()
    assert pub.status == S.PUBLISHED and pub.external_url == GROUP_POST
    assert pub.published_at is not None
    assert "er registreret" in response.content.decode()


def test_a_link_already_recorded_is_not_overwritten(
    standin, admin_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    pub = Publication.objects.get(page=story, channel="facebook_group")
    record(admin_client, pub)

    response = record(admin_client, pub, "https://www.facebook.com/groups/andet/posts/9")

    pub.refresh_from_db()
    assert pub.external_url == GROUP_POST
    assert "allerede registreret" in response.content.decode()


def test_a_channel_that_posts_itself_has_no_link_to_record(
    standin, admin_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()
    pub = Publication.objects.get(page=story, channel="facebook")
    before = (pub.status, pub.external_url, pub.published_at)

    response = record(admin_client, pub, "https://example.org/forkert")

    pub.refresh_from_db()
    assert (pub.status, pub.external_url, pub.published_at) == before
    assert "intet link at registrere" in response.content.decode()
