"""Forms for everybody: every field in a group with a legend, name, e-mail and
phone filled in by the browser, one word for optional fields, every error
with its text, and a chosen image that is never silently lost."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.home.public_forms import build_public_forms

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_forms():
    return build_public_forms()


def _fields(soup):
    form = soup.select("main form")[-1]
    return [
        tag
        for tag in form.find_all(["input", "select", "textarea"])
        if tag.get("type") not in ("hidden", "submit") and tag.get("name") != "firma"
    ]


def _page(client, url, data=None):
    response = client.post(url, data or {}) if data is not None else client.get(url)
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_every_field_of_every_public_form_sits_in_a_fieldset_with_a_legend(client, public_forms):
    loose = {}
    for form in public_forms:
        for field in _fields(_page(client, form.url)):
            fieldset = field.find_parent("fieldset")
            if fieldset is None or not fieldset.find("legend"):
                loose.setdefault(form.name, []).append(field["name"])
    assert loose == {}


def test_the_senders_name_email_and_phone_fill_in_from_the_browser(client, public_forms):
    expected = {"name": "name", "submitter_name": "name", "email": "email", "phone": "tel"}
    expected["submitter_email"] = "email"
    missing = {}
    for form in public_forms:
        for field in _fields(_page(client, form.url)):
            token = expected.get(field["name"])
            if token and field.get("autocomplete") != token:
                missing.setdefault(form.name, []).append(field["name"])
    assert missing == {}


def test_optional_fields_are_marked_with_one_word(client, public_forms):
    words = set()
    for form in public_forms:
        for label in _page(client, form.url).select("main form label, main form legend"):
            text = label.get_text(" ", strip=True)
            if text.endswith(")") and "(" in text and " " not in text[text.rindex("(") :]:
                words.add(text[text.rindex("(") :])  # a one-word note, as "(valgfrit)"
    assert words == {"(valgfrit)"}


def test_every_field_marked_invalid_says_why_next_to_it_and_in_the_summary(client, public_forms):
    unexplained = {}
    for form in public_forms:
        soup = _page(client, form.url, {})
        summary = soup.find(id="fejl")
        links = {a["href"].lstrip("#") for a in summary.find_all("a")} if summary else set()
        invalid = {}
        for field in soup.select('main form [aria-invalid="true"]'):
            invalid.setdefault(field["name"], []).append(field)
        for name, fields in invalid.items():
            # A group of options is described on its fieldset, linked at its first option.
            group = fields[0].find_parent("fieldset", attrs={"aria-describedby": True})
            described = (fields[0].get("aria-describedby") or "").split()
            if group is not None and len(fields) > 1:
                described = group["aria-describedby"].split()
            texts = [soup.find(id=ref) for ref in described if ref.endswith("_error")]
            explained = any(t and t.get_text(strip=True) for t in texts)
            if not explained or not any(f["id"] in links for f in fields):
                unexplained.setdefault(form.name, []).append(name)
    assert unexplained == {}


def _jpeg(name="bål.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (200, 90, 40)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def test_a_chosen_image_is_asked_for_again_by_name_when_the_form_has_errors(client, public_forms):
    event_form = public_forms[0]
    response = client.post(event_form.url, {"title": "Loppemarked", "image": _jpeg()})
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    error = soup.find(id="id_image_error")
    assert response.status_code == 400
    assert "Vælg billedet «bål.jpg» igen" in error.get_text()
    assert soup.find(id="fejl").find("a", href="#id_image")
