"""A resident follows a submission from "Tak!" to the secretariat's answer."""

import datetime
import re
import secrets

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from home.models import Contribution, SiteSettings, StandardAnswer
from home.participation import mail_lasting_reviews
from locations.models import PlaceSuggestion
from stories.models import EventSubmission, PhotoSubmission, StoryPage, StorySubmission
from tests.community.helpers import jpeg_upload, make_photo_call, secretariat
from tests.factories import default_site, make_image, story_index
from tests.locations.helpers import category, make_place, map_page
from tests.stories.test_event_submission import FORM as EVENT_FORM
from tests.stories.test_event_submission import valid_data as event_data

pytestmark = pytest.mark.django_db

PERSON = {"name": "Fatima Yilmaz", "email": "fatima@example.dk", "consent": "on"}
STORY = {
    "title": "Kaffe på trappen",
    "intro": "Naboerne mødes hver fredag.",
    "body": "Det startede med en termokande.",
    "message": "Ring til mig",
    **PERSON,
}
LINK = re.compile(r"https?://[^\s\"<]+/indsendelse/([A-Za-z0-9_-]{40,})/")


def send_story(client) -> tuple[str, str]:
    """Send a story as a resident; the thank-you page's HTML and the link's path."""
    story_index()
    response = client.post("/fortael/", STORY, follow=True)
    html = response.content.decode()
    match = LINK.search(html)
    assert match, "the thank-you page shows the follow link"
    return html, f"/indsendelse/{match.group(1)}/"


def approve(page: StoryPage, user) -> None:
    """What the secretariat does in the editor: pick a hero image, save, approve."""
    draft = page.get_latest_revision_as_object()
    draft.image = make_image("Kaffe")
    draft.image_alt = "To naboer med kaffekopper på en trappe"
    draft.save_revision(user=user)
    state = WorkflowState.objects.active().for_instance(page).get()
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state.specific, user, "approve")


def staff_client(client_class):
    staff = client_class()
    staff.force_login(secretariat())
    return staff


def test_the_thank_you_page_and_the_mail_give_the_same_private_link(client):
    html, path = send_story(client)
    assert "Følg din historie" in html
    (message,) = mail.outbox
    assert message.to == ["fatima@example.dk"]
    assert message.subject == "Tak for din historie"
    assert "Kære Fatima Yilmaz" in message.body
    assert path in message.body


def test_the_status_page_shows_title_received_and_status_and_nothing_personal(client):
    _, path = send_story(client)
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kaffe på trappen" in html
    assert "Modtaget" in html
    assert "Vi har modtaget din historie" in html
    for personal in ("Fatima", "fatima@example.dk", "Ring til mig"):
        assert personal not in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]


def test_a_guessed_token_gives_404(client):
    send_story(client)
    for guess in (secrets.token_urlsafe(32), "1", "a" * 43, "x" * 200, "%27%22%3Cb%3E"):
        assert client.get(f"/indsendelse/{guess}/").status_code == 404


def test_an_expired_link_gives_404(client, settings):
    _, path = send_story(client)
    Contribution.objects.update(received_at=timezone.now() - datetime.timedelta(days=400))
    settings.PERSONAL_DATA_RETENTION = {**settings.PERSONAL_DATA_RETENTION, "submissions": 365}
    assert client.get(path).status_code == 404


def test_approval_publishes_links_the_page_and_mails_once(client):
    _, path = send_story(client)
    mail.outbox.clear()
    user = secretariat()
    page = StoryPage.objects.get(title="Kaffe på trappen")
    approve(page, user)
    html = client.get(path).content.decode()
    assert "Udgivet" in html
    live = StoryPage.objects.get(pk=page.pk)
    assert live.live
    assert f'href="{live.url}"' in html
    (message,) = mail.outbox
    assert message.subject == "Nu er din historie på Vores Ishøj"
    assert live.get_full_url() in message.body
    # Publishing a correction later is no new answer: no second mail.
    live.save_revision(user=user).publish(user=user)
    assert len(mail.outbox) == 1


def test_an_editor_saving_the_draft_shows_under_behandling_without_a_mail_at_once(client):
    _, path = send_story(client)
    mail.outbox.clear()
    page = StoryPage.objects.get(title="Kaffe på trappen")
    # "Gem kladde" in the editor: a hero image is only required to publish.
    page.get_latest_revision_as_object().save_revision(user=secretariat(), clean=False)
    assert "Under behandling" in client.get(path).content.decode()
    assert mail.outbox == []
    # The clock's run a few minutes later: the answer may still come, no mail yet.
    call_command("mail_residents_in_review")
    assert mail.outbox == []


def test_a_review_that_lasts_is_mailed_once_and_the_answer_after_it(client):
    _, path = send_story(client)
    mail.outbox.clear()
    user = secretariat()
    page = StoryPage.objects.get(title="Kaffe på trappen")
    page.get_latest_revision_as_object().save_revision(user=user, clean=False)
    half_an_hour_later = timezone.now() + datetime.timedelta(minutes=31)
    assert mail_lasting_reviews(now=half_an_hour_later) == 1
    assert mail_lasting_reviews(now=half_an_hour_later) == 0  # once per status
    (message,) = mail.outbox
    assert message.subject == "Sekretariatet kigger på din historie"
    assert path in message.body
    approve(page, user)
    assert [m.subject for m in mail.outbox][1:] == ["Nu er din historie på Vores Ishøj"]


def test_rejection_needs_a_reason_which_the_resident_reads(client):
    _, path = send_story(client)
    mail.outbox.clear()
    contribution = Contribution.objects.get()
    staff = staff_client(client.__class__)
    url = f"/admin/faellesskab/indsendelser/{contribution.pk}/svar/"
    response = staff.post(url, {"decision": "reject", "reason": "  "})
    assert response.status_code == 400
    assert "Skriv en begrundelse" in response.content.decode()
    assert Contribution.objects.get().status == "modtaget"
    assert mail.outbox == []

    answer = StandardAnswer.objects.create(
        title="Ikke fra Ishøj", text="Historien foregår ikke i Ishøj, så den passer ikke her."
    )
    chosen = staff.post(url, {"standard_answer": answer.pk, "brug": "1"}).content.decode()
    assert "Historien foregår ikke i Ishøj" in chosen  # ready to edit in the text field
    reason = "Historien foregår ikke i Ishøj. Skriv gerne igen om noget herfra!"
    assert staff.post(url, {"decision": "reject", "reason": reason}).status_code == 302

    html = client.get(path).content.decode()
    assert "Afvist" in html
    assert "Skriv gerne igen om noget herfra!" in html
    (message,) = mail.outbox
    assert message.subject == "Svar på din historie"
    assert reason in message.body
    assert path in message.body
    # The draft was rejected in Wagtail's own workflow, with the same comment.
    page = StoryPage.objects.get(title="Kaffe på trappen")
    assert WorkflowState.objects.filter(object_id=str(page.pk)).get().status == "needs_changes"
    # Answering again changes nothing and sends nothing.
    staff.post(url, {"decision": "reject", "reason": "Noget andet"})
    assert len(mail.outbox) == 1
    assert Contribution.objects.get().reason == reason


def test_a_wagtail_rejection_without_a_comment_keeps_the_resident_waiting(client):
    _, path = send_story(client)
    page = StoryPage.objects.get(title="Kaffe på trappen")
    state = WorkflowState.objects.active().for_instance(page).get()
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state.specific, secretariat(), "reject", comment="")
    assert Contribution.objects.get().status == "modtaget"
    assert Contribution.objects.waiting().count() == 1


def test_withdrawal_removes_the_draft_and_erases_the_person(client):
    _, path = send_story(client)
    mail.outbox.clear()
    page_id = StoryPage.objects.get(title="Kaffe på trappen").pk
    refused = client.post(path, {"handling": "traek-tilbage"})
    assert refused.status_code == 400  # "Ja, jeg er sikker" not ticked
    assert Page.objects.filter(pk=page_id).exists()

    response = client.post(path, {"handling": "traek-tilbage", "sikker": "ja"}, follow=True)
    html = response.content.decode()
    assert "Trukket tilbage" in html
    assert "dine oplysninger er slettet" in html
    assert not Page.objects.filter(pk=page_id).exists()
    assert not StorySubmission.objects.filter(email="fatima@example.dk").exists()
    assert Contribution.objects.get().status == "trukket"  # still counted for the council
    assert mail.outbox == []


def test_after_publication_only_the_personal_data_can_be_erased(client):
    _, path = send_story(client)
    page = StoryPage.objects.get(title="Kaffe på trappen")
    approve(page, secretariat())
    client.post(path, {"handling": "traek-tilbage", "sikker": "ja"})
    assert StoryPage.objects.get(pk=page.pk).live
    client.post(path, {"handling": "slet", "sikker": "ja"})
    submission = StorySubmission.objects.get(page=page)
    assert (submission.name, submission.email, submission.message) == ("", "", "")
    assert StoryPage.objects.get(pk=page.pk).live


def test_a_published_story_shows_its_reach_with_what_it_counts(client):
    from channels.reach.models import PageDay

    _, path = send_story(client)
    page = StoryPage.objects.get(title="Kaffe på trappen")
    approve(page, secretariat())
    today = timezone.localdate()
    PageDay.objects.create(page_id=page.pk, day=today, views=41, visitors=30)
    html = client.get(path).content.decode()
    assert "Så mange har set din historie" in html
    assert "<td>41</td>" in html
    assert "<td>30</td>" in html
    assert "Genindlæsninger" in html or "genindlæst" in html


def test_every_kind_opens_a_link_through_the_same_path(client):
    story_index()
    client.post("/fortael/", STORY)
    client.post(
        "/fortael/?type=opskrift",
        {"dish": "Mormors frikadeller", "servings": "4", "history": "Hver søndag.",
         "ingredients": "500 g fars", "steps": "Steg dem.", **PERSON},
    )  # fmt: skip
    call = make_photo_call()
    client.post(
        call.url,
        {"image": jpeg_upload(), "caption": "Sommerfest", "photographer": "Lis",
         "email": "lis@example.dk", "consent": "on"},
    )  # fmt: skip
    from tests.stories.event_factories import event_index

    event_index()
    client.post(EVENT_FORM, event_data())
    map_page()
    client.post(
        "/kort/foreslaa/",
        {"name": "Shelterpladsen", "category": category("Natur").pk,
         "address": "Tranegilde Strandvej", "description": "To shelters og en bålplads.",
         "submitter_name": "Mette", "submitter_email": "mette@example.dk", "firma": ""},
    )  # fmt: skip
    kinds = dict(Contribution.objects.values_list("kind", "record_id"))
    assert set(kinds) == {"historie", "opskrift", "billede", "begivenhed", "sted"}
    assert Contribution.objects.get(kind="billede").record == PhotoSubmission.objects.get()
    assert Contribution.objects.get(kind="begivenhed").record == EventSubmission.objects.get()
    assert Contribution.objects.get(kind="sted").record == PlaceSuggestion.objects.get()
    assert len({c.token for c in Contribution.objects.all()}) == 5
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        ["fatima@example.dk"] * 2 + ["lis@example.dk", "aisha@example.com", "mette@example.dk"]
    )
    assert all(LINK.search(m.body) for m in mail.outbox)


def test_a_suggested_place_that_becomes_a_page_links_to_it(client):
    from locations.models import PlacePage

    map_page()
    response = client.post(
        "/kort/foreslaa/",
        {"name": "Shelterpladsen", "category": category("Natur").pk,
         "address": "Tranegilde Strandvej", "description": "To shelters og en bålplads.",
         "submitter_name": "Mette", "submitter_email": "mette@example.dk", "firma": ""},
        follow=True,
    )  # fmt: skip
    path = "/indsendelse/" + LINK.search(response.content.decode()).group(1) + "/"
    place = PlacePage.objects.get(title="Shelterpladsen")
    place.set_point(55.6150, 12.3500)  # the editor places it on the map, then publishes
    place.save_revision().publish()
    html = client.get(path).content.decode()
    assert "Udgivet" in html
    assert f'href="{PlacePage.objects.get(pk=place.pk).url}"' in html


def test_a_handled_correction_answers_the_resident(client):
    place = make_place("Ishøj Bibliotek")
    response = client.post(
        f"/kort/foreslaa/rettelse/{place.pk}/",
        {"message": "Åbner kl. 9 om lørdagen.", "submitter_name": "Bo",
         "submitter_email": "bo@example.dk", "firma": ""},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:500]
    suggestion = PlaceSuggestion.objects.get(kind="rettelse")
    mail.outbox.clear()
    suggestion.is_handled = True
    suggestion.save()
    contribution = Contribution.objects.get(kind="sted")
    assert contribution.status == "udgivet"
    (message,) = mail.outbox
    assert message.to == ["bo@example.dk"]


def test_a_photo_approved_in_the_photo_review_is_published_and_mailed(client):
    call = make_photo_call()
    client.post(
        call.url,
        {"image": jpeg_upload(), "caption": "Sommerfest", "photographer": "Lis",
         "email": "lis@example.dk", "consent": "on"},
    )  # fmt: skip
    mail.outbox.clear()
    staff = staff_client(client.__class__)
    photo = PhotoSubmission.objects.get()
    rejected = staff.post("/admin/faellesskab/billeder/", {"photo": photo.pk, "decision": "reject"})
    contribution = Contribution.objects.get()
    assert rejected["Location"] == f"/admin/faellesskab/indsendelser/{contribution.pk}/svar/"
    staff.post("/admin/faellesskab/billeder/", {"photo": photo.pk, "decision": "approve"})
    assert PhotoSubmission.objects.get().status == "godkendt"
    assert Contribution.objects.get().status == "udgivet"
    (message,) = mail.outbox
    assert message.subject == "Nu er dit billede på Vores Ishøj"


def test_the_dashboard_lists_waiting_submissions_overdue_first(client):
    story_index()
    settings_row = SiteSettings.for_site(default_site())
    settings_row.answer_target_days = 5
    settings_row.save()
    client.post("/fortael/", {**STORY, "title": "Ny historie"})
    client.post("/fortael/", {**STORY, "title": "Gammel historie"})
    client.post("/fortael/", {**STORY, "title": "Lidt ældre historie"})
    now = timezone.now()
    Contribution.objects.filter(title="Gammel historie").update(
        received_at=now - datetime.timedelta(days=9)
    )
    Contribution.objects.filter(title="Lidt ældre historie").update(
        received_at=now - datetime.timedelta(days=3)
    )
    admin = staff_client(client.__class__).get("/admin/").content.decode()
    start = admin.index("Borgere venter på svar")
    html = admin[start : admin.index("</section>", start)]
    assert "Mål: svar inden for 5 dage" in html
    assert "1 over svartiden" in html
    order = [html.index(t) for t in ("Gammel historie", "Lidt ældre historie", "Ny historie")]
    assert order == sorted(order)
    section = html[html.index("Gammel historie") : html.index("Lidt ældre historie")]
    assert "over svartiden" in section


def test_each_kinds_thank_you_page_shows_its_link(client):
    call = make_photo_call()
    photo = client.post(
        call.url,
        {"image": jpeg_upload(), "caption": "Sommerfest", "photographer": "Lis", "consent": "on"},
        follow=True,
    )
    from tests.stories.event_factories import event_index

    event_index()
    event = client.post(EVENT_FORM, event_data(), follow=True)
    for response, kind in ((photo, "billede"), (event, "begivenhed")):
        token = Contribution.objects.get(kind=kind).token
        assert f"/indsendelse/{token}/" in response.content.decode(), kind
    # A photo sent without an e-mail address still has its link, and no mail.
    assert [m.to for m in mail.outbox] == [["aisha@example.com"]]


def test_a_resident_writing_from_the_arabic_site_is_told_in_arabic_how_to_follow(client):
    story_index()
    html = client.post("/ar/fortael/", STORY, follow=True).content.decode()
    assert "تابع قصتك" in html
    assert "احتفظ بهذا الرابط" in html
    assert LINK.search(html), "the same private link, whatever the language"
    # The follow page speaks Arabic too: its link keeps the reader's language.
    assert "/ar/indsendelse/" in html
