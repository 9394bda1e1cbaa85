"""A group page shows the group's coming events and its stories."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from stories.models import GroupPage
from tests.community.helpers import make_group
from tests.factories import make_story
from tests.stories.event_factories import make_event

pytestmark = pytest.mark.django_db


def section(html: str, heading_id: str) -> str:
    match = re.search(rf'aria-labelledby="{heading_id}">(.*?)</section>', html, re.S)
    return match.group(1) if match else ""


def test_the_group_page_lists_its_coming_events_once_each_and_its_stories(client):
    today = timezone.localdate()
    plant_day = make_event(
        "Plantedag i byhaverne",
        start_date=today + timedelta(days=3),
        frequency="ugentlig",
        interval=2,
    )
    harvest = make_event("Høstfest", start_date=today + timedelta(days=40))
    past = make_event("Sidste års høstfest", start_date=today - timedelta(days=300))
    story = make_story(title="Små haver mellem de store blokke")
    draft = make_story(title="Kladde om kompost", publish=False)
    group = make_group("Dyrk Ishøj")
    group.events.set([plant_day, harvest, past])
    group.stories.set([story, draft])
    group.save_revision().publish()

    html = client.get(GroupPage.objects.get(pk=group.pk).url).content.decode()

    events = section(html, "sker")
    assert events.count("Plantedag i byhaverne") == 1  # the next one, not every fortnight
    assert "næste gang" in events
    assert "Høstfest" in events
    assert "Sidste års høstfest" not in events
    stories = section(html, "historier")
    assert "Små haver mellem de store blokke" in stories
    assert "Kladde om kompost" not in stories
