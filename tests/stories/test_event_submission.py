"""Residents suggest events without an account; nothing is public before approval."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.models import WorkflowState

from stories.models import EventPage, EventSubmission
from tests.stories.event_factories import event_index

pytestmark = pytest.mark.django_db

FORM = "/det-sker/foreslaa/"


def upload(size=(1200, 800), kind="JPEG", name="billede.jpg"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (200, 120, 40)).save(buffer, kind)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def valid_data(**overrides):
    day = timezone.localdate() + timedelta(days=14)
    data = {
        "title": "Suppe og sang i Vejleåparken",
        "intro": "Vi laver suppe sammen og synger bagefter.",
        "description": "Tag gerne en ven med.\n\nVi starter med kaffe.",
        "date": day.isoformat(),
        "start_time": "17:00",
        "end_time": "20:00",
        "frequency": "ingen",
        "place_name": "Glashuset",
        "address": "Vejleåparken 45, 2635 Ishøj",
        "organiser": "Forældre-netværket",
        "contact": "",
        "is_free": "on",
        "audience": ["familier", "aeldre"],
        "name": "Aisha Hansen",
        "email": "aisha@example.com",
        "message": "Ring gerne, hvis I har spørgsmål.",
        "firma": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def index():
    return event_index()


def test_the_form_is_in_danish_and_has_a_hidden_honeypot(client, index):
    html = client.get(FORM).content.decode()
    assert "Foreslå en begivenhed" in html
    assert "Hvad hedder begivenheden?" in html
    assert 'class="hp-field" aria-hidden="true"' in html


def test_a_suggestion_becomes_an_unpublished_draft_in_moderation(client, index):
    response = client.post(FORM, valid_data())
    assert response.status_code == 302
    assert "Tak for dit forslag" in client.get(response["Location"]).content.decode()
    page = EventPage.objects.get(title="Suppe og sang i Vejleåparken")
    assert not page.live
    assert page.get_parent().specific == index
    assert page.audience == ["familier", "aeldre"]
    assert page.organiser == "Forældre-netværket"
    submission = EventSubmission.objects.get(page=page)
    assert (submission.name, submission.email) == ("Aisha Hansen", "aisha@example.com")
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_the_submitter_gets_a_danish_confirmation_email(client, index):
    client.post(FORM, valid_data())
    (message,) = mail.outbox
    assert message.to == ["aisha@example.com"]
    assert message.subject == "Tak for dit forslag til Det sker i Ishøj"
    assert "Kære Aisha Hansen" in message.body
    assert "Suppe og sang i Vejleåparken" in message.body


def test_a_suggestion_is_not_public_anywhere_before_approval(client, index):
    client.post(FORM, valid_data())
    page = EventPage.objects.get()
    day = page.start_date.isoformat()
    assert "Suppe og sang" not in client.get(index.url).content.decode()
    assert client.get(f"{index.url}{page.slug}/").status_code == 404
    feed = client.get("/feeds/det-sker.json", {"from": day, "to": day}).json()
    assert feed["count"] == 0
    assert b"Suppe og sang" not in client.get("/feeds/begivenheder.ics").content
    assert "Suppe og sang" not in client.get("/search/", {"query": "Suppe"}).content.decode()
    assert (
        b"Suppe og sang" not in client.get("/api/v2/pages/", {"type": "stories.EventPage"}).content
    )
    assert b"Suppe og sang" not in client.get("/feeds/det-sker/widget/").content


def test_after_approval_it_is_public_but_the_submitter_is_not(client, index):
    client.post(FORM, valid_data())
    page = EventPage.objects.get()
    page.get_latest_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Suppe og sang i Vejleåparken" in html
    assert "Aisha" not in html and "aisha@example.com" not in html
    day = page.start_date.isoformat()
    feed = client.get("/feeds/det-sker.json", {"from": day, "to": day}).content.decode()
    assert "Suppe og sang" in feed and "aisha" not in feed.lower()
    found = client.get("/search/", {"query": "Suppe"}).content.decode()
    assert "Suppe og sang i Vejleåparken</a>" in found


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "Udfyld venligst dette felt."),
        ({"date": "2020-01-01"}, "date", "Datoen ligger i fortiden."),
        ({"date": "31-02-2027"}, "date", "Skriv datoen som fx 24-11-2026"),
        ({"start_time": ""}, "start_time", "Skriv hvornår det starter"),
        ({"end_time": "16:00"}, "end_time", "Sluttidspunktet skal ligge efter starttidspunktet."),
        ({"is_free": "", "price_dkk": ""}, "price_dkk", "Skriv en pris"),
        ({"is_free": "", "price_dkk": "-5"}, "price_dkk", "Prisen kan ikke være negativ."),
        ({"audience": []}, "audience", "Vælg mindst én målgruppe."),
        ({"email": "aisha@"}, "email", "Skriv en gyldig e-mailadresse"),
        ({"signup_url": "ikke et link"}, "signup_url", "Skriv et helt link"),
    ],
)
def test_each_invalid_field_gets_a_clear_danish_message(client, index, overrides, field, message):
    response = client.post(FORM, valid_data(**overrides))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Forslaget er ikke sendt endnu" in html
    assert message in html
    assert EventPage.objects.count() == 0


def test_nothing_typed_is_lost_on_a_validation_error(client, index):
    html = client.post(FORM, valid_data(email="forkert")).content.decode()
    assert 'value="Suppe og sang i Vejleåparken"' in html
    assert "Vi laver suppe sammen og synger bagefter." in html
    assert "Tag gerne en ven med." in html
    assert 'value="Glashuset"' in html
    assert 'value="Aisha Hansen"' in html
    assert 'value="familier" id="id_audience_1" checked>' in html
    assert 'value="aeldre" id="id_audience_4" checked>' in html
    assert 'value="unge" id="id_audience_2">' in html


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (SimpleUploadedFile("virus.jpg", b"MZ not an image"), "kunne ikke læses som et billede"),
        (upload(size=(300, 200)), "Billedet er for lille (300 × 200 pixels)"),
        (upload(kind="GIF", name="animeret.gif"), "Billedet skal være JPEG, PNG eller WebP."),
    ],
)
def test_uploaded_images_are_checked(client, index, file, message):
    data = valid_data(image_alt="Suppe i store gryder", image_rights="on")
    response = client.post(FORM, {**data, "image": file})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_too_large_file_is_refused(client, index, settings):
    settings.EVENT_SUBMISSION_MAX_IMAGE_BYTES = 1000
    data = valid_data(image_alt="Suppe", image_rights="on")
    response = client.post(FORM, {**data, "image": upload()})
    assert "Billedet er for stort. Det må højst fylde" in response.content.decode()


def test_a_good_image_is_attached_with_its_alt_text(client, index):
    data = valid_data(image_alt="Suppe i store gryder", image_rights="on")
    assert client.post(FORM, {**data, "image": upload(kind="PNG", name="s.png")}).status_code == 302
    page = EventPage.objects.get()
    assert page.image is not None and page.image_alt == "Suppe i store gryder"


def test_an_image_needs_alt_text_and_rights(client, index):
    html = client.post(FORM, {**valid_data(), "image": upload()}).content.decode()
    assert "Fortæl kort, hvad billedet viser." in html
    assert "Bekræft, at du må bruge billedet." in html


def test_the_honeypot_silently_drops_spam(client, index):
    response = client.post(FORM, valid_data(firma="Billige solbriller"))
    assert response.status_code == 302
    assert EventPage.objects.count() == 0
    assert mail.outbox == []


def test_more_than_the_limit_per_hour_from_one_address_is_refused(client, index, settings):
    settings.EVENT_SUBMISSION_RATE_LIMIT = 2
    for n in range(2):
        assert client.post(FORM, valid_data(title=f"Forslag {n}")).status_code == 302
    response = client.post(FORM, valid_data(title="Forslag 3"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Prøv igen lidt senere" in html
    assert 'value="Forslag 3"' in html
    assert EventPage.objects.count() == 2
    other = client.post(FORM, valid_data(title="Fra naboen"), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_monthly_suggestion_means_the_same_weekday_of_the_month(client, index):
    day = timezone.localdate() + timedelta(days=14)
    client.post(FORM, valid_data(frequency="maanedlig"))
    page = EventPage.objects.get()
    assert page.monthly_weekday == day.weekday()
    assert page.monthly_ordinal == (day.day - 1) // 7 + 1
