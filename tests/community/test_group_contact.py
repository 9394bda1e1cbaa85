"""'Skriv til gruppen': a message reaches the contact person by mail; her address
is never shown, and the form is spam-safe and rate-limited like the others."""

import socket

import pytest
from django.core import mail

from home.models import SiteSettings
from tests.community.helpers import make_group
from tests.factories import default_site

pytestmark = pytest.mark.django_db

HIDDEN = "birthe.hemmelig@example.dk"
MESSAGE = {
    "name": "Karen Nielsen",
    "email": "karen@example.dk",
    "message": "Hej! Må jeg komme og se byhaverne på lørdag?",
    "consent": "on",
}


def contact_url(group) -> str:
    return group.url + group.reverse_subpage("contact")


def test_the_group_page_offers_the_form_without_the_address(client):
    group = make_group("Dyrk Ishøj", contact_name="Birthe", contact_email=HIDDEN)
    html = client.get(group.url).content.decode()
    assert "Skriv til gruppen" in html
    assert f'action="{contact_url(group)}"' in html
    assert "Kontaktperson: Birthe" in html
    assert HIDDEN not in html and "20 30 40 50" not in html


def test_a_message_reaches_the_contact_person_by_mail(client):
    group = make_group("Dyrk Ishøj", contact_name="Birthe", contact_email=HIDDEN)

    response = client.post(contact_url(group), MESSAGE)

    assert response.status_code == 302
    thanks = client.get(response["Location"])
    assert "Beskeden er sendt til Dyrk Ishøj. Birthe svarer dig på din e-mail." in (
        thanks.content.decode()
    )
    assert HIDDEN not in thanks.content.decode()
    (sent,) = mail.outbox
    assert sent.to == [HIDDEN]
    assert sent.reply_to == ["karen@example.dk"]
    assert sent.subject == "Besked til Dyrk Ishøj via Vores Ishøj"
    assert sent.body.startswith("Kære Birthe")
    assert "Må jeg komme og se byhaverne på lørdag?" in sent.body
    assert "Svar direkte på denne e-mail, så går svaret til Karen Nielsen" in sent.body


def test_without_a_contact_address_the_secretariat_gets_it(client):
    settings = SiteSettings.for_site(default_site())
    settings.contact_email = "sekretariat@example.dk"
    settings.save()
    group = make_group("Centergruppen", contact_email="")

    assert client.post(contact_url(group), MESSAGE).status_code == 302

    (sent,) = mail.outbox
    assert sent.to == ["sekretariat@example.dk"]
    assert "Send den gerne videre til gruppen." in sent.body


def test_a_missing_field_keeps_the_text_and_sends_nothing(client):
    group = make_group("Dyrk Ishøj", contact_email=HIDDEN)
    response = client.post(contact_url(group), {**MESSAGE, "consent": ""})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Sæt kryds for at give dit samtykke" in html
    assert "Må jeg komme og se byhaverne på lørdag?" in html
    assert HIDDEN not in html
    assert mail.outbox == []


def test_markup_is_refused(client):
    group = make_group("Dyrk Ishøj", contact_email=HIDDEN)
    response = client.post(contact_url(group), {**MESSAGE, "message": "<a href=x>Køb</a>"})
    assert response.status_code == 400
    assert "uden HTML-koder" in response.content.decode()
    assert mail.outbox == []


def test_the_honeypot_answers_like_success_and_sends_nothing(client):
    group = make_group("Dyrk Ishøj", contact_email=HIDDEN)
    response = client.post(contact_url(group), {**MESSAGE, "firma": "ACME ApS"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_many_messages_from_one_client_are_slowed_down(client, settings):
    settings.COMMUNITY_FORM_RATE_LIMIT = 2
    group = make_group("Dyrk Ishøj", contact_email=HIDDEN)
    for _ in range(2):
        assert client.post(contact_url(group), MESSAGE).status_code == 302
    response = client.post(contact_url(group), MESSAGE)
    assert response.status_code == 429
    assert "Prøv igen lidt senere" in response.content.decode()
    assert "Må jeg komme og se byhaverne på lørdag?" in response.content.decode()
    assert len(mail.outbox) == 2


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens there once the probe closes


def test_a_mail_server_that_refuses_keeps_the_text_and_says_so(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _closed_port()
    settings.EMAIL_TIMEOUT = 2
    group = make_group("Dyrk Ishøj", contact_email=HIDDEN)

    response = client.post(contact_url(group), MESSAGE)

    html = response.content.decode()
    assert response.status_code == 503
    assert "Beskeden kunne ikke sendes lige nu" in html
    assert "Må jeg komme og se byhaverne på lørdag?" in html
    assert HIDDEN not in html


def test_a_text_mail_keeps_apostrophes_and_ampersands_and_its_subject_stays_one_line(client):
    group = make_group("Mad &\nmusik", contact_name="Birthe", contact_email=HIDDEN)
    message = {
        **MESSAGE,
        "name": "Seán O'Brien",
        "message": 'Vi er "Mor & Børn" fra Vejlebro. Kan vi være med?',
    }
    assert client.post(contact_url(group), message).status_code == 302
    (sent,) = mail.outbox
    assert "Seán O'Brien" in sent.body
    assert 'Vi er "Mor & Børn" fra Vejlebro. Kan vi være med?' in sent.body
    assert "&#x27;" not in sent.body and "&amp;" not in sent.body and "&quot;" not in sent.body
    assert sent.subject == "Besked til Mad & musik via Vores Ishøj"
    headers = sent.message().as_string().split("\n\n", 1)[0]
    assert "\nmusik" not in headers
