"""/privatliv tells residents what is kept and for how long, from the settings the
retention jobs use: change a period and both the page and the job change."""

import datetime
import re

import pytest
from django.utils import timezone

from home import retention
from home.models import SiteSettings
from stories.community.personal_data import purge_personal_data
from stories.models import StorySubmission, TaskSignup
from tests.community.helpers import make_group
from tests.factories import default_site, make_story

pytestmark = pytest.mark.django_db

# What the page explains that is not erased by a period: nothing is stored,
# or it is kept elsewhere (the spam counter in the cache, the backups).
NOT_A_RETENTION_SETTING = {"group_messages", "rate_limits", "backups"}


def sections(html: str) -> dict[str, str]:
    """Each part of the page by the retention rule it describes."""
    found = re.findall(
        r'<section class="privacy-item"[^>]*data-retention="(\w+)"(.*?)</section>', html, re.S
    )
    return dict(found)


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_every_retention_period_is_on_the_page_and_nothing_else_claims_one(client, settings):
    make_story()
    html = client.get("/privatliv").content.decode()
    shown = sections(html)

    assert set(shown) - NOT_A_RETENTION_SETTING == set(settings.PERSONAL_DATA_RETENTION)
    assert set(settings.PERSONAL_DATA_RETENTION) == set(retention.KINDS)
    for kind, days in settings.PERSONAL_DATA_RETENTION.items():
        assert f'data-days="{days}"' in shown[kind]
        assert retention.period_text(days) in text(shown[kind])


def test_a_changed_period_changes_the_page_and_what_the_job_erases(client, settings):
    settings.PERSONAL_DATA_RETENTION = {
        "beacon_hits": 2, "task_signups": 3, "volunteers": 40, "closed_submissions": 5,
        "submissions": 11,
    }  # fmt: skip
    make_story()
    group = make_group(tasks=[("til at grille", 3)])
    task = group.tasks.get()
    task.date = timezone.localdate()
    task.save()
    TaskSignup.objects.create(task=task, name="Karen", contact="karen@example.dk", consent=True)
    draft = make_story(publish=False)
    StorySubmission.objects.create(page=draft, kind="historie", name="A", email="a@example.dk")

    page = text(client.get("/privatliv").content.decode())

    assert "3 dage efter opgavens dag" in page
    assert "11 dage efter, at du sendte det" in page
    assert "40 dage efter, at du skrev dig op" in page
    assert "5 dage efter" in page and "2 dage efter, at dagen er talt op" in page
    in_ = lambda days: timezone.now() + datetime.timedelta(days=days)  # noqa: E731
    purge_personal_data(now=in_(2))
    assert TaskSignup.objects.get().contact and StorySubmission.objects.get().email
    purge_personal_data(now=in_(4))
    assert TaskSignup.objects.get().contact == "" and StorySubmission.objects.get().email
    purge_personal_data(now=in_(12))
    assert StorySubmission.objects.get().email == ""


def test_the_page_says_whom_to_ask_and_how_long_backups_are_kept(client, settings):
    make_story()
    site_settings = SiteSettings.for_site(default_site())
    site_settings.contact_email = "persondata@ishoj.dk"
    site_settings.save()
    settings.BACKUP_KEEP_MONTHLY = 6

    page = text(client.get("/privatliv").content.decode())

    assert "Skriv til sekretariatet på persondata@ishoj.dk" in page
    assert "Datatilsynet" in page
    assert "slettes efter højst 6 måneder" in page


def test_every_footer_links_to_the_privacy_page(client):
    story = make_story(title="Bænken ved søen")
    for path in ("/", story.url, "/search/?query=bænken", "/privatliv"):
        html = client.get(path).content.decode()
        footer = html[html.index('<footer class="site-footer">') :]
        assert '<a href="/privatliv">Privatliv og persondata</a>' in footer, path
