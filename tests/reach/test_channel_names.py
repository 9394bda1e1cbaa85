"""Channel figures under the registry's Danish names, the platform's own kept beside,
and a note where the period spans the day a platform changed a metric."""

import dataclasses
import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from channels.models import Publication
from channels.reach.models import ChannelMetric, ReachPull
from channels.registry import get_channel, metric_for
from tests.factories import make_story

pytestmark = pytest.mark.django_db

PERIOD = "fra=2025-01-01&til=2025-12-31"


@pytest.fixture
def pulled():
    story = make_story(title="Byttemarked på Bredekærgård")
    publication, _ = Publication.objects.update_or_create(
        page=story,
        channel="instagram",
        defaults={
            "status": "published",
            "external_id": "17",
            "published_at": timezone.make_aware(datetime.datetime(2025, 5, 30, 9)),
        },
    )
    pull = ReachPull.objects.create(
        publication=publication,
        page=story,
        channel="instagram",
        pulled_at=timezone.make_aware(datetime.datetime(2025, 6, 1, 12)),
    )
    ChannelMetric.objects.create(pull=pull, metric="saved", value=12)
    return story


def test_the_report_and_its_exports_name_a_channel_figure_in_danish_with_the_platforms_name(
    reader, pulled
):
    label = metric_for("instagram", "saved").label_da
    html = reader.get(f"/admin/raekkevidde/evalueringsrapport/?{PERIOD}").content.decode()
    row = html[html.index('id="kanaler"') :]
    # In the council's report the platform's name is in the footnote only.
    assert f"<td>{label}<sup>1</sup></td>" in row
    assert f"Instagram, {label} (platformens navn: saved)" in row
    stories = reader.get(f"/admin/raekkevidde/?{PERIOD}").content.decode()
    assert f"{label} (<code>saved</code>)" in stories
    csv_text = reader.get(f"/admin/raekkevidde/kanaler/?{PERIOD}&format=csv").content.decode()
    assert f"Instagram;{label};saved;1;12;" in csv_text  # one post, 12 saves
    workbook = load_workbook(
        io.BytesIO(reader.get(f"/admin/raekkevidde/?{PERIOD}&format=xlsx").content)
    )
    headers = [c.value for c in workbook["Historier"][1]]
    assert f"Instagram: {label} (saved)" in headers


def test_a_period_spanning_a_changed_definition_says_so(reader, pulled, monkeypatch):
    instagram = get_channel("instagram")
    changed = tuple(
        dataclasses.replace(
            m, changed_on=datetime.date(2025, 4, 21), change_note_da="Tæller nu også reels."
        )
        if m.name == "saved"
        else m
        for m in instagram.metrics
    )
    monkeypatch.setattr(instagram, "metrics", changed)
    spanning = reader.get(f"/admin/raekkevidde/evalueringsrapport/?{PERIOD}").content.decode()
    assert "Perioden går hen over 21. april 2025" in spanning
    assert "Tæller nu også reels" in spanning
    after = reader.get(
        "/admin/raekkevidde/evalueringsrapport/?fra=2025-05-01&til=2025-12-31"
    ).content.decode()
    assert "Perioden går hen over" not in after
    assert "Platformen ændrede tallet 21. april 2025" in after  # the definition keeps the date
