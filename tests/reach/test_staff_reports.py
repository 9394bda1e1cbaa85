"""The staff's reach reports as the secretariat reads them: channels by their
Danish names, the running month shown and marked as not over, and no empty axes."""

import datetime

import pytest
from django.utils import timezone

from channels.reach.aggregation import run_aggregation
from channels.reach.models import PageSourceDay, SiteDay
from channels.registry import all_channels
from tests.factories import make_story

from .helpers import at, hit

pytestmark = pytest.mark.django_db


def test_a_storys_tagged_link_views_name_each_channel_in_danish(reader):
    story = make_story(title="Byttemarked")
    day = datetime.date(2025, 6, 2)
    for utm, views in (("facebook", 7), ("detsker", 3)):
        PageSourceDay.objects.create(
            page=story, day=day, source="other", utm_source=utm, views=views
        )
    html = reader.get(
        f"/admin/raekkevidde/historie/{story.pk}/?fra=2025-06-01&til=2025-06-30"
    ).content.decode()
    line = html[html.index("Sidevisninger via kanalernes links") :].split("</p>")[0]
    assert "Det sker i Ishøj 3" in line
    assert (
        "Facebook-siden og Facebook-gruppen" in line and "gruppen &#x27;Vores Ishøj&#x27; 7" in line
    )
    slugs = {c.slug for c in all_channels()} | {"detsker", "facebook"}
    assert not any(f"{slug} " in line.split(": ", 1)[1] for slug in slugs)


def test_the_running_month_is_in_the_staff_report_and_marked_as_not_over(reader):
    story = make_story(title="Café Solstrålen")
    today = timezone.localdate()
    hit(story, when=at(today, 0, 5))
    run_aggregation(today=today)
    html = reader.get("/admin/raekkevidde/perioder/").content.decode()
    assert "Der er ingen tal for" not in html  # today's figures are figures
    months = html[html.index("<caption>Grafens tal</caption>") :]
    assert f"ikke slut – til og med {today.day}.{today.month}." in months
    csv = reader.get("/admin/raekkevidde/perioder/?format=csv").content.decode()
    assert f"{today:%Y-%m};1;" in csv and "ikke slut" in csv


def test_an_empty_chart_is_a_sentence_not_an_axis(reader):
    html = reader.get("/admin/raekkevidde/perioder/?fra=2025-06-01&til=2025-06-30").content.decode()
    assert not SiteDay.objects.exists()
    assert 'class="reach-chart"' not in html
    assert "Sidevisninger pr. måned: ingen tal i perioden." in html
    assert "Sidevisninger pr. dag: ingen tal i perioden." in html
