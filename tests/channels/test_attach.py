"""The channel layer attaches its preview and tab to the page types it serves."""

import pytest

from home.models import HomePage
from locations.models import MapPage
from stories.models import EventPage, StoryPage

pytestmark = pytest.mark.django_db


def test_stories_and_events_preview_the_website_and_the_channels():
    for model in (StoryPage, EventPage):
        assert model().preview_modes == [("", "Hjemmesiden"), ("kanaler", "Kanalerne")]


def test_pages_that_go_to_no_channel_preview_only_themselves():
    for model in (HomePage, MapPage):
        assert "kanaler" not in [name for name, _label in model().preview_modes]


def test_the_kanaler_tab_is_the_last_tab_of_stories_and_events_only():
    for model in (StoryPage, EventPage):
        assert model.get_edit_handler().children[-1].heading == "Kanaler"
    assert "Kanaler" not in [tab.heading for tab in MapPage.get_edit_handler().children]
