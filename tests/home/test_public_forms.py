"""Every public form follows one rule for markup and one markup for its fields:
plain text only, checkbox groups as fieldsets with the legend first and the
error beside it, every help text and error wired to its field by id."""

import pytest
from bs4 import BeautifulSoup

from home.spam import MARKUP_MESSAGE
from stories.models import EventPage, StoryPage
from tests.home.public_forms import build_public_forms

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_forms():
    return build_public_forms()


def _failed_submit(client, form, **data):
    response = client.post(form.url, data)
    assert response.status_code == 400, (form.name, response.status_code)
    return BeautifulSoup(response.content.decode(), "html.parser").find("main") or BeautifulSoup(
        response.content.decode(), "html.parser"
    )


def test_markup_is_refused_in_every_public_form(client, public_forms):
    for form in public_forms:
        html = client.post(form.url, {form.text_field: "<b>Loppemarked</b>"}).content.decode()
        assert "almindelig tekst uden HTML-koder" in html, form.name
        # What was typed is still there to correct, escaped.
        assert "&lt;b&gt;Loppemarked&lt;/b&gt;" in html, form.name


def test_the_event_form_stores_no_markup(client, public_forms):
    """The event form used to keep "<b>" as typed; now it answers like the story form."""
    from tests.stories.test_event_submission import valid_data

    response = client.post(public_forms[0].url, valid_data(title="<b>Loppemarked</b>"))
    assert response.status_code == 400
    assert MARKUP_MESSAGE.split(" (")[0] in response.content.decode()
    assert not EventPage.objects.filter(title__contains="<b>").exists()


def test_markup_in_a_story_stores_nothing(client, public_forms):
    client.post(
        "/fortael/",
        {"title": "Hej", "intro": "<script>alert(1)</script>", "body": "x", "consent": "on"},
    )
    assert not StoryPage.objects.filter(title="Hej").exists()


def test_every_help_text_and_error_is_wired_to_its_field(client, public_forms):
    for form in public_forms:
        page = _failed_submit(client, form)
        ids = {tag["id"] for tag in page.find_all(id=True)}
        notes = page.select(".form-field .help, .form-field .error")
        assert notes, form.name
        described = {}
        for tag in page.find_all(attrs={"aria-describedby": True}):
            for ref in tag["aria-describedby"].split():
                assert ref in ids, (form.name, ref)
                described[ref] = tag
        for note in notes:
            assert note.get("id") in described, (form.name, note)
        assert not page.find_all("label", attrs={"for": ""}), form.name


def test_a_checkbox_group_is_a_fieldset_with_its_legend_on_top_and_its_error_beside(
    client, public_forms
):
    event_form = public_forms[0]
    page = _failed_submit(client, event_form, title="Loppemarked")
    group = page.find("input", attrs={"name": "audience"}).find_parent("fieldset")
    assert group.find().name == "legend"
    assert group.legend.get_text(strip=True) == "Hvem er det for?"
    error = group.find(class_="error")
    assert error.get_text(strip=True) == "Vælg mindst én målgruppe."
    assert error["id"] in group["aria-describedby"].split()
    # The error comes before the options, right under the legend.
    assert group.find_all(["legend", "div", "ul"], recursive=False)[1] == error
    boxes = group.find_all("input", attrs={"type": "checkbox"})
    assert all(page.find("label", attrs={"for": box["id"]}) for box in boxes)
