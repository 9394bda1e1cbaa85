"""Sharing where Ishøj talks: WhatsApp and SMS beside e-mail and Facebook, and a
printable poster per event whose short address and QR code count as "Plakat"."""

import io
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from pypdf import PdfReader

from channels.reach.attribution import attribute
from channels.reach.models import Source
from home.models import ShortLink
from tests.factories import make_story
from tests.stories.event_factories import make_event

pytestmark = pytest.mark.django_db


def test_a_story_can_be_shared_on_whatsapp_and_by_sms_without_trackers(client):
    story = make_story(title="Naboer planter tulipaner")
    html = client.get(story.url).content.decode()
    assert "https://wa.me/?text=Naboer%20planter%20tulipaner%20http" in html
    assert 'href="sms:?&amp;body=Naboer%20planter%20tulipaner%20http' in html
    assert "Del på WhatsApp" in html and "Send som sms" in html
    assert "utm_" not in html.split('class="share"')[1].split("</section>")[0]


@pytest.fixture
def event(db):
    return make_event(
        "Loppemarked på Ishøj Torv",
        start_date=timezone.localdate() + timedelta(days=10),
        place_name="Ishøj Torv",
    )


def test_an_event_has_a_printable_tagged_a4_poster_with_its_short_address(client, event):
    html = client.get(event.url).content.decode()
    assert "Print en plakat til opslagstavlen (PDF, A4)" in html
    response = client.get(f"/plakat/{event.pk}.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(response.content))
    (page,) = pdf.pages
    assert [round(float(v) / 72 * 25.4) for v in page.mediabox.upper_right] == [210, 297]
    text = page.extract_text()
    link = ShortLink.objects.get(page=event, source="plakat")
    assert "Loppemarked på Ishøj Torv" in text and "Ishøj Torv" in text
    assert f"/k/{link.code}" in text
    catalog = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in catalog  # tagged
    assert catalog["/Lang"] == "da"
    # Printing it again keeps the same address: posters already up still work.
    client.get(f"/plakat/{event.pk}.pdf")
    assert ShortLink.objects.filter(page=event).count() == 1


def test_the_posters_short_address_counts_its_visits_as_plakat(client, event):
    client.get(f"/plakat/{event.pk}.pdf")
    link = ShortLink.objects.get(page=event)
    response = client.get(f"/k/{link.code}")
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.path == event.url
    assert parse_qs(target.query)["utm_source"] == ["plakat"]
    # What the reach beacon on the page then records, with no referrer (a phone's camera).
    assert attribute(target.query, referrer="").source == Source.POSTER
    assert Source.POSTER.label == "Plakat"


def test_an_unknown_short_address_is_the_sites_own_404(client):
    response = client.get("/k/zzzzz")
    assert response.status_code == 404
    assert "Siden findes ikke" in response.content.decode()
