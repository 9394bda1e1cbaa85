"""The demo shows the community features: five groups, a photo gallery, recipes."""

import io

import pytest
from django.utils import timezone

from demo.stories import community
from stories.models import GroupPage, PhotoSubmission, StoryPage
from tests.factories import story_index

pytestmark = pytest.mark.django_db


def test_demo_loads_groups_photos_and_recipes_and_is_idempotent(client):
    story_index()
    community.load(io.StringIO())
    community.load(io.StringIO())
    assert set(GroupPage.objects.values_list("title", flat=True)) == {
        "Cykling uden alder", "Ældres netværk", "Centergruppen", "Affaldsindsamling",
        "Dyrk Ishøj",
    }  # fmt: skip
    assert PhotoSubmission.objects.filter(status="godkendt").count() == 3
    assert StoryPage.objects.filter(title__startswith="Mad med historie").count() == 2
    html = client.get("/grupper/dyrk-ishoej/").content.decode()
    assert "4 til at bygge højbede" in html
    season = community.season_of(timezone.localdate())
    first_photo = community.SEASONS[season][3][0][0]
    assert first_photo in client.get(f"/min-{season}-i-ishoej/").content.decode()
    assert b"%PDF" in client.get("/kogebog.pdf").content[:8]
