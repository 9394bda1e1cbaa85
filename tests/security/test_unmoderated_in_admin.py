"""Residents' photos waiting in "Indsendte billeder" stay out of the editors'
reach: not offered by the image chooser, not listed by the admin images API,
and a page cannot be published with one."""

import pytest
from django.core import mail
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


def _draft_using(image, **fields):
    """A story whose latest revision shows a resident's photo."""
    story = make_story(publish=False, **fields)
    story.image = image
    return story, story.save_revision()


def test_the_clock_holds_back_a_scheduled_page_until_its_image_is_approved(client):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    waiting = pending_image()
    story, revision = _draft_using(waiting)
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save(update_fields=["approved_go_live_at"])

    for _run in range(2):  # the clock runs publish_scheduled every minute
        call_command("publish_scheduled", verbosity=0)
    story.refresh_from_db()
    assert not story.live
    assert client.get(story.url).status_code == 404
    assert client.get(f"/api/v2/images/{waiting.pk}/").status_code == 404

    client.force_login(secretariat())
    history = client.get(f"/admin/pages/{story.pk}/history/").content.decode()
    assert history.count("Udgivelsen er holdt tilbage") == 1, "one entry, not one per run"
    assert waiting.title in history

    uploads.release(waiting)  # the secretariat approves the photo
    call_command("publish_scheduled", verbosity=0)
    story.refresh_from_db()
    assert story.live and story.live_revision_id == revision.pk


def test_bulk_publish_refuses_a_page_using_a_pending_image(client):
    waiting = pending_image()
    held, _ = _draft_using(waiting, title="Sommerfest med indsendt foto")
    fine = make_story(publish=False, title="Sommerfest med godkendt foto")
    client.force_login(secretariat())
    url = (
        f"/admin/bulk/wagtailcore/page/publish/?id={held.pk}&id={fine.pk}"
        f"&next=/admin/pages/{held.get_parent().pk}/"
    )
    response = client.post(url, {"include_descendants": ""}, follow=True)
    page = response.content.decode()
    assert "Ingen sider er udgivet" in page and waiting.title in page
    assert "Sommerfest med indsendt foto" in page
    held.refresh_from_db()
    fine.refresh_from_db()
    assert not held.live and not fine.live  # refused as a whole: nothing half done

    response = client.post(f"/admin/bulk/wagtailcore/page/publish/?id={fine.pk}", {})
    assert response.status_code == 302
    fine.refresh_from_db()
    assert fine.live


def test_approving_a_co_editors_draft_does_not_publish_a_pending_image(client):
    from wagtail.test.utils.form_data import rich_text

    from tests.home.admin_text import form_values

    waiting = pending_image()
    writer, sek = co_editor(), secretariat()
    story, _revision = _draft_using(waiting, title="Naboer planter tulipaner")
    story.get_workflow().start(story, writer)
    client.force_login(sek)
    url = f"/admin/pages/{story.pk}/edit/"
    data = form_values(client.get(url).content.decode())
    data.pop("partners", None)
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text("Tekst"))])}))
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
    html = client.post(url, data, follow=True).content.decode()
    assert "Udgivelsen er holdt tilbage" in html and waiting.title in html
    assert "er godkendt og udgivet" not in html
    story.refresh_from_db()
    assert not story.live and story.live_revision_id is None
    history = client.get(f"/admin/pages/{story.pk}/history/").content.decode()
    assert "Udgivelsen er holdt tilbage" in history
    to_writer = [m.body for m in mail.outbox if writer.email in m.to]
    assert to_writer and "ikke udgivet endnu" in to_writer[-1], to_writer
    assert story.full_url not in to_writer[-1]  # no link to a page that is not there


def test_a_page_published_directly_with_a_pending_image_stays_a_draft():
    """The last line: whatever calls revision.publish(), the page stays out."""
    waiting = pending_image()
    story = make_story(image=waiting)  # the factory adds it live, then publishes
    assert not story.live and story.first_published_at is None
    make_story(image=make_image())  # an approved image publishes as before


def test_every_page_type_holds_back_unmoderated_images():
    from wagtail.models import get_page_models

    from home.image_moderation import ModeratedImagesPage

    ours = [m for m in get_page_models() if m._meta.app_label in {"home", "stories", "locations"}]
    assert ours
    assert all(issubclass(model, ModeratedImagesPage) for model in ours), ours
