"""Channels are configured backends: an alias, a backend and its options."""

import pytest

from channels.models import Publication
from channels.models import PublicationStatus as S
from channels.reach.pulling import pull_reach
from channels.registry import channel_label
from cms.settings.channels import channels_from_environment
from demo.standin.server import token_fingerprint
from tests.channels.helpers import add_channel, publication, remove_channel
from tests.factories import make_story

pytestmark = pytest.mark.django_db

KOMMUNE_PAGE = "2000000002"


@pytest.fixture
def two_facebook_pages(standin, settings):
    """The portal's own Page and the municipality's, each with its own token."""
    add_channel(
        settings,
        "facebook_kommune",
        {
            "BACKEND": "channels.platforms.facebook.FacebookBackend",
            "LABEL": "Ishøj Kommunes Facebook-side",
            "OPTIONS": {"API_URL": standin.url, "PAGE_ID": KOMMUNE_PAGE, "TOKEN": "kommune-token"},
        },
    )
    return standin


def test_one_story_goes_to_both_facebook_pages_each_with_its_own_token(
    two_facebook_pages, django_capture_on_commit_callbacks
):
    standin = two_facebook_pages
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(title="Sommerfest i Strandparken")

    own, kommune = publication(story, "facebook"), publication(story, "facebook_kommune")
    assert own.status == kommune.status == S.PUBLISHED
    pages = sorted(post["page"] for post in standin.posts()["facebook"])
    assert pages == ["1000000001", KOMMUNE_PAGE]
    writes = {
        r["path"].split("/")[-2]: r["login"]
        for r in standin.requests_to("facebook")
        if r["method"] == "POST" and r["path"].endswith("/feed")
    }
    assert writes == {
        "1000000001": token_fingerprint("test-facebook-token"),
        KOMMUNE_PAGE: token_fingerprint("kommune-token"),
    }
    # Each Page's link tells its visits apart; the label is the one the setting gave.
    kommune_post = next(p for p in standin.posts()["facebook"] if p["page"] == KOMMUNE_PAGE)
    assert "utm_source=facebook_kommune" in kommune_post["link"]
    assert channel_label("facebook_kommune") == "Ishøj Kommunes Facebook-side"


def test_each_page_pulls_its_own_reach(two_facebook_pages, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story()

    pull_reach()

    channels_pulled = set(
        Publication.objects.filter(page=story, reach_pulls__ok=True).values_list(
            "channel", flat=True
        )
    )
    assert {"facebook", "facebook_kommune"} <= channels_pulled


def test_removing_an_entry_switches_the_channel_off_and_keeps_its_records(
    standin, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(title="Første udgave")
    assert publication(story, "instagram").status == S.PUBLISHED

    remove_channel(settings, "instagram")
    story.title = "Anden udgave"
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()

    kept = publication(story, "instagram")
    assert kept.status == S.PUBLISHED and kept.external_id  # the record stays as it was
    assert len(standin.posts()["instagram"]) == 1  # nothing more went to Instagram
    assert channel_label("instagram") == "instagram"  # shown by its alias from now on
    assert pull_reach().skipped >= 1  # and no reach is asked for


def test_the_documented_environment_variables_fill_the_setting():
    configured = channels_from_environment(
        {"FACEBOOK_PAGE_ID": "42", "FACEBOOK_PAGE_TOKEN": "t", "DETSKER_API_URL": "https://x"}
    )
    assert configured["facebook"]["OPTIONS"] == {
        "API_URL": "https://graph.facebook.com",
        "PAGE_ID": "42",
        "TOKEN": "t",
    }
    assert configured["detsker"]["OPTIONS"]["API_URL"] == "https://x"
    assert configured["youtube"]["OPTIONS"]["DAILY_QUOTA"] == 10_000
