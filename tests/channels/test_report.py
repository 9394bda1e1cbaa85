"""The Kanaler report (issue 14): problems first, names not codes, no hand-set status."""

import csv
import io

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


def _set(page, channel, status, **fields):
    Publication.objects.update_or_create(
        page=page, channel=channel, defaults={"status": status, **fields}
    )


def test_failures_and_needs_login_come_first_with_channel_names(admin_client):
    calm = make_story(title="Alt gik godt")
    broken = make_story(title="Videoen fejlede")
    _set(calm, "facebook", S.PUBLISHED)
    _set(broken, "youtube", S.FAILED, last_error="YouTube afviste videolinket.")
    _set(broken, "instagram", S.NEEDS_LOGIN)
    html = admin_client.get("/admin/kanaler/").content.decode()
    first_failed = html.index("Videoen fejlede")
    assert first_failed < html.index("Alt gik godt")
    shown = " | ".join(visible_texts(html))
    assert "Facebook-siden" in shown and "facebook_group" not in shown
    assert "YouTube afviste videolinket." in html and "Kræver nyt login" in html


def test_the_report_offers_no_add_and_no_hand_set_status(admin_client):
    story = make_story(title="Ingen hånd")
    pub = Publication.objects.filter(page=story).first()
    html = admin_client.get("/admin/kanaler/").content.decode()
    assert "Tilføj" not in html
    assert admin_client.get("/admin/kanaler/add/").status_code == 404
    assert admin_client.get(f"/admin/kanaler/edit/{pub.pk}/").status_code == 404
    assert admin_client.post("/admin/kanaler/add/", {"status": "published"}).status_code == 404


def test_retry_all_failed_on_one_channel_leaves_other_channels_alone(admin_client):
    one, two = make_story(title="En"), make_story(title="To")
    _set(one, "youtube", S.FAILED)
    _set(two, "youtube", S.NEEDS_LOGIN)
    _set(one, "instagram", S.FAILED)
    html = admin_client.get("/admin/kanaler/").content.decode()
    assert "Prøv alle 2 igen på YouTube" in html

    admin_client.post("/admin/kanaler-handling/kanal/youtube/proev-igen/")

    statuses = dict(Publication.objects.filter(channel="youtube").values_list("page", "status"))
    assert set(statuses.values()) == {S.QUEUED}
    assert Publication.objects.get(page=one, channel="instagram").status == S.FAILED


def test_the_spreadsheet_export_names_channels_and_statuses_in_danish(admin_client):
    story = make_story(title="Eksporthistorie")
    _set(story, "detsker", S.FAILED, last_error="Listen svarede ikke.")
    response = admin_client.get("/admin/kanaler/?export=csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["Historie", "Kanal", "Status", "Udgivet", "Hvad gik galt"]
    assert ["Eksporthistorie", "Det sker i Ishøj", "Fejlet", "", "Listen svarede ikke."] in rows
