"""The council's link: one report, no account, nothing else, every use logged."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from channels.reach.models import ReportShareLink, ReportShareUse
from home.roles import RAPPORTLAESER, SEKRETARIAT

pytestmark = pytest.mark.django_db

LINKS = "/admin/raekkevidde/delte-links/"


def logged_in(role: str) -> Client:
    client = Client()
    user = User.objects.create_user(f"bruger-{role}")
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    return client


@pytest.fixture
def secretariat():
    return logged_in(SEKRETARIAT)


def make_link(secretariat, days="14") -> str:
    response = secretariat.post(
        LINKS,
        {
            "label": "Byrådets møde 24. juni",
            "start": "2025-01-01",
            "end": "2025-12-31",
            "days": days,
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    return re.search(r'value="(http://testserver/raadsrapport/[^"]+)"', html).group(1)


def test_the_secretariat_makes_a_link_that_opens_the_report_without_an_account(secretariat):
    url = make_link(secretariat)
    response = Client().get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Periode: <strong>1. januar 2025 – 31. december 2025</strong>" in html
    assert "Nøgletal for voresishoj.dk" in html
    token = url.rsplit("/", 2)[-2]
    link = ReportShareLink.objects.get()
    assert token.split(".")[1] not in link.secret_digest  # only a digest is kept
    assert list(ReportShareUse.objects.values_list("what", "state")) == [("html", "valid")]


def test_the_shared_report_shows_nothing_else_and_its_period_cannot_be_changed(secretariat):
    url = make_link(secretariat)
    anonymous = Client()
    html = anonymous.get(url + "?fra=2020-01-01&til=2020-12-31").content.decode()
    assert "1. januar 2025 – 31. december 2025" in html and "2020" not in html
    assert "/admin/" not in html and "<form" not in html
    hrefs = set(re.findall(r'href="([^"]+)"', html))
    assert hrefs == {url.removeprefix("http://testserver") + "pdf/"}
    assert anonymous.get("/admin/raekkevidde/evalueringsrapport/").status_code == 302
    response = anonymous.get(url)
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"


def test_the_pdf_opens_through_the_link_and_is_logged(secretariat):
    url = make_link(secretariat)
    response = Client().get(url + "pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert ReportShareUse.objects.get().what == "pdf"


def test_an_expired_link_answers_410_in_danish_and_the_attempt_is_logged(secretariat):
    url = make_link(secretariat, days="1")
    ReportShareLink.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    response = Client().get(url)
    assert response.status_code == 410
    assert "Linket er udløbet" in response.content.decode()
    assert "Nøgletal" not in response.content.decode()
    assert Client().get(url + "pdf/").status_code == 410
    assert list(ReportShareUse.objects.values_list("state", flat=True)) == ["expired"] * 2


def test_a_revoked_link_answers_410_and_the_list_shows_it(secretariat):
    url = make_link(secretariat)
    link = ReportShareLink.objects.get()
    secretariat.post(f"{LINKS}{link.pk}/tilbagekald/")
    response = Client().get(url)
    assert response.status_code == 410
    assert "trukket tilbage" in response.content.decode()
    listing = secretariat.get(LINKS).content.decode()
    assert "Tilbagekaldt" in listing and "1 gange" in listing


def test_a_wrong_or_unknown_token_is_a_danish_404_and_opens_nothing(secretariat):
    url = make_link(secretariat)
    key = url.rsplit("/", 2)[-2].split(".")[0]
    for token in (f"{key}.forkert", "ukendt.noegle", key):
        response = Client().get(f"/raadsrapport/{token}/")
        assert response.status_code == 404
        assert "Rapporten findes ikke" in response.content.decode()
    assert not ReportShareUse.objects.exists()


def test_a_report_reader_cannot_make_links_and_the_days_are_checked(secretariat):
    assert logged_in(RAPPORTLAESER).get(LINKS).status_code in (302, 403)
    response = secretariat.post(
        LINKS, {"label": "Byrådet", "start": "2025-01-01", "end": "2025-12-31", "days": "365"}
    )
    assert "højst gælde 90 dage" in response.content.decode()
    assert not ReportShareLink.objects.exists()
