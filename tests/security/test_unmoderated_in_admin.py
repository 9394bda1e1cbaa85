"""Residents' photos waiting in "Indsendte billeder" stay out of the editors'
reach: not offered by the image chooser, not listed by the admin images API,
and a page cannot be published with one."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home import uploads
from stories.models import EventPage
from tests.community.helpers import co_editor, secretariat
from tests.factories import make_image, make_story
from tests.stories.event_factories import event_index

pytestmark = pytest.mark.django_db


def pending_image(title="Indsendt: grillfest"):
    image = make_image()
    image.title = title
    image.collection = uploads.pending_collection()
    image.save()
    return image


def test_a_co_editors_chooser_and_the_admin_api_offer_no_pending_image(client):
    waiting = pending_image()
    approved = make_image()
    client.force_login(co_editor())
    chooser = client.get("/admin/images/chooser/").content.decode()
    listed = {i["id"] for i in client.get("/admin/api/main/images/?limit=100").json()["items"]}
    assert approved.pk in listed and waiting.pk not in listed
    assert f'data-chooser-modal-choice="{waiting.pk}"' not in chooser
    assert waiting.title not in chooser
    assert client.get(f"/admin/api/main/images/{waiting.pk}/").status_code == 404


def _event_form(image_pk, slug):
    return nested_form_data(
        {
            "title": "Grillfest i Strandparken",
            "slug": slug,
            "intro": "Vi tænder grillen kl. 17.",
            "body": streamfield([]),
            "image": str(image_pk),
            "image_alt": "Grill og borde i parken",
            "start_date": "2026-07-04",
            "start_time": "17:00",
            "frequency": "ingen",
            "interval": "1",
            "is_free": "on",
            "cancellations": inline_formset([]),
            "moves": inline_formset([]),
            "channel_settings": inline_formset([]),
            "action-publish": "publish",
        }
    )


def test_a_page_using_a_pending_image_cannot_be_published(client):
    index = event_index()
    waiting = pending_image()
    client.force_login(secretariat())
    add_url = f"/admin/pages/add/stories/eventpage/{index.pk}/"

    response = client.post(add_url, _event_form(waiting.pk, "grillfest"), follow=True)
    assert "ikke har godkendt endnu" in response.content.decode()
    event = EventPage.objects.get(slug="grillfest")
    assert not event.live  # kept as a draft, nothing lost
    waiting.refresh_from_db()
    assert uploads.is_pending(waiting)
    assert client.get(f"/api/v2/images/{waiting.pk}/").status_code == 404

    approved = make_image()
    response = client.post(add_url, _event_form(approved.pk, "grillfest-2"))
    assert response.status_code == 302
    assert EventPage.objects.get(slug="grillfest-2").live


def test_a_report_readers_page_chooser_shows_no_unpublished_title(client):
    from tests.community.helpers import report_reader

    public = make_story(title="Offentlig historie om havnen")
    make_story(title="Hemmeligt udkast om budgettet", publish=False)
    client.force_login(report_reader())
    index = public.get_parent()
    browse = client.get(f"/admin/choose-page/{index.pk}/").content.decode()
    assert "Offentlig historie om havnen" in browse  # the chooser works, drafts aside
    for url in (f"/admin/choose-page/{index.pk}/", "/admin/choose-page/search/?q=budgettet",
                "/admin/choose-page/search/?q=udkast"):  # fmt: skip
        html = client.get(url).content.decode()
        assert "Hemmeligt udkast" not in html, url


def test_confirmation_pages_of_actions_a_role_cannot_take_answer_403(client):
    from stories.models import EventSubmission
    from tests.stories.event_factories import make_event

    event = make_event(publish=False)
    suggestion = EventSubmission.objects.create(page=event, name="Ole", email="ole@example.dk")
    client.force_login(co_editor())
    for url in (
        f"/admin/bulk/stories/eventsubmission/delete/?id={suggestion.pk}",
        f"/admin/bulk/wagtailimages/image/delete/?id={make_image().pk}",
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "ole@example.dk" not in response.content.decode()
    client.force_login(secretariat())
    ok = client.get(f"/admin/bulk/stories/eventsubmission/delete/?id={suggestion.pk}")
    assert ok.status_code == 200
