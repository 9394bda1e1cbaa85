"""Each post records its language (its page's locale) and the staff's channel
report splits every channel's figures by it.

Facebook posts in 2025, figures worked out by hand:
  Danish: two posts, 150 and 400 views (total 550); 100 and 300 people (median 200)
  Arabic: one post, 80 views (total 80); 60 people (median 60)
"""

import datetime
import io
import re

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from channels.models import Publication
from channels.reach.models import ChannelMetric, ReachPull
from tests.stories.language_factories import languages, story_in  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

URL = "/admin/raekkevidde/kanaler/?fra=2025-01-01&til=2025-12-31"


def _aware(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


def facebook_post(story, people: int, views: int) -> Publication:
    publication = Publication.objects.create(
        page=story,
        channel="facebook",
        status="published",
        external_id=f"post-{story.pk}",
        published_at=_aware(datetime.date(2025, 3, 1)),
    )
    pull = ReachPull.objects.create(
        publication=publication,
        page=story,
        channel="facebook",
        pulled_at=_aware(datetime.date(2025, 6, 1)),
    )
    ChannelMetric.objects.create(pull=pull, metric="post_total_media_view_unique", value=people)
    ChannelMetric.objects.create(pull=pull, metric="post_media_view", value=views)
    return publication


@pytest.fixture
def posts(languages):  # noqa: F811
    return [
        facebook_post(story_in("da", title="Lektiecafé"), 100, 150),
        facebook_post(story_in("da", title="Fællesspisning"), 300, 400),
        facebook_post(story_in("ar", title="افتتاح المكتبة"), 60, 80),
    ]


def test_each_post_records_its_pages_language(posts):
    # Publishing planned the other channels' posts too (channels.planning);
    # every one of them, and each Facebook post, carries its page's language.
    recorded = set(Publication.objects.values_list("page_id", "language"))
    expected = zip(posts, ["da", "da", "ar"], strict=True)
    assert recorded == {(post.page_id, language) for post, language in expected}
    assert Publication.objects.filter(page=posts[2].page).count() > 1


def test_a_post_saved_with_chosen_fields_still_records_its_language(languages):  # noqa: F811
    story = story_in("tr", title="Komşular")
    publication = Publication(page=story, channel="facebook")
    publication.save()
    Publication.objects.filter(pk=publication.pk).update(language="")
    publication.refresh_from_db()
    publication.status = "published"
    publication.save(update_fields=["status"])
    publication.refresh_from_db()
    assert (publication.status, publication.language) == ("published", "tr")


def _language_rows(html: str) -> list[str]:
    return [
        " ".join(re.sub(r"<[^>]+>", " ", row).split())
        for row in re.findall(r'<tr data-language="[^"]+">.*?</tr>', html, re.S)
    ]


def test_the_channel_report_splits_each_figure_by_language(reader, posts):
    html = reader.get(URL).content.decode()
    rows = _language_rows(html)
    # Views add up within a language; people are shown for the typical post only.
    assert "Dansk Facebook" in rows[0] and rows[0].endswith("2 550 –")
    assert any(r.startswith("Dansk Facebook") and r.endswith("2 – 200") for r in rows)
    assert any(r.startswith("Arabisk Facebook") and r.endswith("1 80 –") for r in rows)
    assert any(r.startswith("Arabisk Facebook") and r.endswith("1 – 60") for r in rows)
    assert len(rows) == 4


def test_the_spreadsheet_has_a_sheet_per_language_figure(reader, posts):
    workbook = load_workbook(io.BytesIO(reader.get(URL + "&format=xlsx").content))
    sheet = workbook["Kanaler pr. sprog"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert sorted((r[1], r[4], r[5], r[6], r[7]) for r in rows) == [
        ("ar", "post_media_view", 1, 80, None),
        ("ar", "post_total_media_view_unique", 1, None, 60),
        ("da", "post_media_view", 2, 550, None),
        ("da", "post_total_media_view_unique", 2, None, 200),
    ]
