"""Stories and events listed with each channel's status (issue 14)."""

import pytest
from django.contrib.auth import get_user_model

from channels.models import Publication
from channels.models import PublicationStatus as S
from tests.factories import make_story
from tests.home.admin_text import visible_texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
    client.force_login(user)
    return client


def _set(page, channel, status):
    Publication.objects.update_or_create(page=page, channel=channel, defaults={"status": status})


def test_the_story_listing_reads_out_each_channel_and_marks_failures(admin_client):
    story = make_story(title="Sommerfest")
    _set(story, "youtube", S.FAILED)
    _set(story, "facebook", S.PUBLISHED)
    html = admin_client.get("/admin/historier/").content.decode()
    shown = visible_texts(html)
    assert "YouTube: Fejlet" in shown and "Facebook-siden: Udgivet" in shown
    assert 'channel-icons__item--critical" title="YouTube: Fejlet"' in html


def test_kanaler_med_fejl_shows_only_stories_with_a_failed_or_locked_out_channel(admin_client):
    fine = make_story(title="Gik fint")
    failed = make_story(title="Fejlede på YouTube")
    locked = make_story(title="Instagram kræver login")
    _set(fine, "facebook", S.PUBLISHED)
    _set(failed, "youtube", S.FAILED)
    _set(locked, "instagram", S.NEEDS_LOGIN)
    html = admin_client.get("/admin/historier/?channel_problems=ja").content.decode()
    assert "Kanaler med fejl" in html
    assert "Fejlede på YouTube" in html and "Instagram kræver login" in html
    assert "Gik fint" not in html
