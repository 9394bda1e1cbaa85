import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from channels.models import ChannelState, PageChannel, Publication
from channels.models import PublicationStatus as S
from tests.channels.helpers import choose, publish
from tests.factories import make_story
from tests.stories.event_factories import weekly

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
    client.force_login(user)
    return client


def story_form(story, channel_rows, existing=0):
    """What the story editor posts: the page's fields plus the Kanaler tab's rows."""
    return nested_form_data(
        {
            "title": story.title,
            "slug": story.slug,
            "intro": story.intro,
            "date": "2026-05-01",
            "image": story.image_id,
            "image_alt": story.image_alt,
            "body": streamfield([("paragraph", rich_text("<p>Brødtekst.</p>"))]),
            "tags": "natur",
            "channel_settings": inline_formset(channel_rows, initial=existing),
            "action-publish": "action-publish",
        }
    )


def test_the_story_editor_has_a_kanaler_tab_with_every_channel(admin_client):
    story = make_story(title="Fanehistorie")
    html = admin_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert 'id="tab-label-kanaler"' in html
    assert "Nulstil til historiens tekst" in html
    overview = html[html.index("data-channels-overview") :]
    for label in ("Facebook-siden", "Instagram", "YouTube", "Det sker i Ishøj"):
        assert label in overview
    # A story's defaults: the Page and the group are on, the listing is off.
    assert 'data-channel="detsker"' in overview
    detsker = overview[overview.index('data-channel="detsker"') :]
    assert "Slået fra" in detsker[: detsker.index("</section>")]


def test_the_event_editor_has_a_kanaler_tab_with_the_listing_on(admin_client):
    event = weekly(title="Fanebegivenhed")
    html = admin_client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert 'id="tab-label-kanaler"' in html
    detsker = html[html.index('data-channel="detsker"') :]
    assert "Slået til" in detsker[: detsker.index("</section>")]


def test_the_manual_group_text_has_a_one_click_copy_button_in_the_editor(admin_client):
    story = make_story(title="Kopihistorie")
    html = admin_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    group = html[html.index('data-channel="facebook_group"') :]
    group = group[: group.index("</section>")]
    assert "Kopiér teksten" in group and "navigator.clipboard" in html
    assert "<textarea" in group and "Kopihistorie" in group and "utm_content=gruppe" in group
    assert "Klar til manuel deling" in group


def test_a_post_that_breaks_a_limit_is_shown_as_blocked_in_danish(admin_client):
    story = make_story(publish=False)
    choose(story, "instagram", text="Lang tekst. " * 200)
    story.save_revision()
    html = admin_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    instagram = html[html.index('data-channel="instagram"') :]
    instagram = instagram[: instagram.index("</section>")]
    assert "Blokeret: Instagram-teksten er" in instagram and "Forkort den med" in instagram


def test_an_override_saved_in_the_editor_is_what_the_next_publish_sends(
    admin_client, standin, django_capture_on_commit_callbacks
):
    story = make_story(title="Egen tekst", intro="Historiens manchet.")
    row = {"channel": "facebook", "enabled": "on", "text": "Kom og vær med på stranden!"}
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/pages/{story.pk}/edit/", story_form(story, [row]))
    assert response.status_code == 302

    (choice,) = PageChannel.objects.filter(page=story)
    assert choice.text == "Kom og vær med på stranden!"
    (post,) = standin.posts()["facebook"]
    assert "Kom og vær med på stranden!" in post["message"]
    assert "Historiens manchet." not in post["message"]


def test_nulstil_til_historiens_tekst_makes_the_channel_inherit_again(
    admin_client, standin, django_capture_on_commit_callbacks
):
    story = make_story(title="Nulstil", intro="Historiens manchet.", publish=False)
    choose(story, "facebook", text="Min egen tekst.")
    publish(story, django_capture_on_commit_callbacks)
    choice = PageChannel.objects.get(page=story, channel="facebook")
    row = {
        "id": choice.pk,
        "channel": "facebook",
        "enabled": "on",
        "text": "Min egen tekst.",
        "reset_text": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/pages/{story.pk}/edit/", story_form(story, [row], 1))

    assert PageChannel.objects.get(page=story, channel="facebook").text == ""
    (post,) = standin.posts()["facebook"]
    assert "Historiens manchet." in post["message"] and "Min egen tekst." not in post["message"]
    html = admin_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    facebook = html[html.index('data-channel="facebook"') :]
    assert "Bruger historiens tekst." in facebook[: facebook.index("</section>")]


def test_the_editor_shows_a_failed_post_with_reason_and_trace_id(admin_client):
    story = make_story(title="Fejlhistorie")
    Publication.objects.create(
        page=story,
        channel="facebook",
        status=S.FAILED,
        last_error="Facebook: platformen afviste opslaget.",
        trace_id="AbC123",
    )
    html = admin_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    facebook = html[html.index('data-channel="facebook"') :]
    facebook = facebook[: facebook.index("</section>")]
    assert "Fejlet" in facebook and "platformen afviste opslaget" in facebook
    assert "sporings-id AbC123" in facebook


def test_the_report_lists_publications_with_filters(admin_client):
    story = make_story(title="Rapporthistorie")
    Publication.objects.create(
        page=story,
        channel="facebook",
        status=S.FAILED,
        last_error="Facebook: platformen afviste opslaget.",
    )
    html = admin_client.get("/admin/kanaler/?status=failed").content.decode()
    assert "Rapporthistorie" in html and "Prøv igen" in html


def test_the_manual_group_channel_prepares_text_and_records_the_url(admin_client):
    story = make_story(title="Gruppehistorie")
    pub = Publication.objects.get(page=story, channel="facebook_group")
    assert pub.status == S.MANUAL
    html = admin_client.get(f"/admin/kanaler-handling/{pub.pk}/registrer/").content.decode()
    assert "Gruppehistorie" in html and "utm_content=gruppe" in html

    admin_client.post(
        f"/admin/kanaler-handling/{pub.pk}/registrer/",
        {"url": "https://www.facebook.com/groups/voresishoj/posts/1"},
    )
    pub.refresh_from_db()
    assert pub.status == S.PUBLISHED and pub.external_url.endswith("/posts/1")


def test_the_dashboard_warns_when_a_login_stopped_working(admin_client):
    ChannelState.objects.create(
        channel="instagram", auth_failed_at="2026-01-01T00:00Z", auth_error="Session has expired."
    )
    html = admin_client.get("/admin/").content.decode()
    assert "Et kanal-login skal fornys" in html and "Instagram: login virker ikke" in html


def test_co_editors_never_see_the_kanaler_tab_and_can_still_save(client):
    """Channel settings are the secretariat's; a co-editor's save leaves them alone."""
    from tests.community.helpers import co_editor, secretariat

    story = make_story(title="Medredaktørens historie")
    PageChannel.objects.create(page=story, channel="facebook", enabled=False)
    client.force_login(co_editor())
    editor = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "Medredaktørens historie" in editor
    assert "Kanalvalg" not in editor and "Opslagene, som de bliver sendt" not in editor

    form = story_form(story, [])
    form.pop("action-publish")
    form = {k: v for k, v in form.items() if not k.startswith("channel_settings-")}
    response = client.post(f"/admin/pages/{story.pk}/edit/", form)
    assert response.status_code == 302
    assert PageChannel.objects.get(page=story).enabled is False

    client.force_login(secretariat())
    assert "Kanalvalg" in client.get(f"/admin/pages/{story.pk}/edit/").content.decode()


def test_live_preview_shows_the_unsaved_post_text(admin_client):
    """The preview panel follows the editor's typing, before anything is saved."""
    story = make_story(title="Forhåndsvisning")
    url = f"/admin/pages/{story.pk}/edit/preview/"
    row = {"channel": "facebook", "enabled": "on", "text": "Ny tekst, endnu ikke gemt"}
    form = story_form(story, [row])
    form.pop("action-publish")
    assert admin_client.post(url, form).json()["is_valid"] is True
    html = admin_client.get(url, {"mode": "kanaler"}).content.decode()
    assert "Opslagene, som de bliver sendt" in html
    assert "Ny tekst, endnu ikke gemt" in html
    assert not PageChannel.objects.filter(page=story).exists()


def test_a_channel_can_be_chosen_only_once_per_page(admin_client):
    story = make_story(title="Dobbelt")
    rows = [
        {"channel": "facebook", "enabled": "on", "text": "Første"},
        {"channel": "facebook", "enabled": "", "text": "Anden"},
    ]
    response = admin_client.post(f"/admin/pages/{story.pk}/edit/", story_form(story, rows))
    assert response.status_code == 200
    assert "Hver kanal kan kun vælges én gang." in response.content.decode()
    assert not PageChannel.objects.filter(page=story).exists()


def test_a_failed_channel_is_a_card_with_where_to_fix_and_retry_never_a_form_error(admin_client):
    video = {"url": "https://www.youtube.com/watch?v=ukendtVideo", "title": "Koncerten"}
    story = make_story(title="Videohistorie", body=[("video", video)])
    block = story.body[0].id
    pub, _ = Publication.objects.update_or_create(
        page=story,
        channel="youtube",
        defaults={
            "status": S.FAILED,
            "last_error": "YouTube afviste videolinket.",
            "fix_field": f"body.{block}.url",
        },
    )
    html = admin_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    card = html[html.index('data-channel="youtube"') :]
    card = card[: card.index("</section>")]
    assert "channel-chip--critical" in card and "Fejlet" in card
    assert "Det gik galt:</strong> YouTube afviste videolinket." in card
    assert f'href="/admin/pages/{story.pk}/edit/#:w:contentpath=body.{block}.url"' in card
    assert "Indhold → Brødtekst → blokken Video → Video-link</a>" in card
    assert f"/admin/kanaler-handling/{pub.pk}/proev-igen/?next=" in card
    # Wagtail counts these classes in a tab as form errors and badges the tab.
    tab = html[html.index('id="tab-kanaler"') :]
    assert "help-critical" not in tab and "error-message" not in tab


def test_a_failure_no_field_fixes_says_so_and_what_to_do_instead(admin_client):
    story = make_story(title="Login udløbet")
    Publication.objects.update_or_create(
        page=story,
        channel="facebook",
        defaults={"status": S.NEEDS_LOGIN, "last_error": "Facebook: login virker ikke."},
    )
    html = admin_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    card = html[html.index('data-channel="facebook"') :]
    card = card[: card.index("</section>")]
    assert (
        "Det kan ikke rettes i historien: portalens login til Facebook-siden skal fornyes" in card
    )
    assert 'href="/admin/kanaler/forny-login/">Sådan fornyes login</a>' in card
    assert "Ret det her" not in card


def test_prov_igen_from_the_tab_comes_back_to_the_tab(admin_client):
    story = make_story(title="Tilbage til fanen")
    pub, _ = Publication.objects.update_or_create(
        page=story, channel="youtube", defaults={"status": S.FAILED}
    )
    back = f"/admin/pages/{story.pk}/edit/#tab-kanaler"
    response = admin_client.post(f"/admin/kanaler-handling/{pub.pk}/proev-igen/", {"next": back})
    assert response["Location"] == back
    pub.refresh_from_db()
    assert pub.status == S.QUEUED
