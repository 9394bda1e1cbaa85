"""The co-editor's and the secretariat's day in one flow, in Chromium (issue 14).

The co-editor writes a story with an uploaded image and a video, and sends it
for approval; the secretariat approves it, and the posts go out to the
platform stand-in over real HTTP (the immediate task backend runs each attempt
as the story is published). YouTube refuses the video (the stand-in knows no
such video) and Facebook is down for a while: the secretariat sees both on the
story listing, follows "Ret det her" to the video's link on the Indhold tab,
fixes it and publishes, then retries Facebook from its card.
"""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from stories.models import StoryPage
from tests.browser import browser_page, log_in_to_admin  # noqa: F401  (fixture)
from tests.community.helpers import PASSWORD, co_editor, rebuild_roles, secretariat
from tests.factories import story_index

TIMEOUT = 30_000
TITLE = "Bålhygge med naboerne i Strandparken"
UNKNOWN_VIDEO = "https://www.youtube.com/watch?v=ukendtVideo"
OUR_VIDEO_ID = "baalhygge01"


def _jpeg(path):
    """A photo as a co-editor would pick it from her disk: a 3:2 JPEG."""
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (200, 120, 40)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def _open_footer_menu(page):
    page.locator('[data-w-dropdown-target="toggle"].button').last.click()


def _co_editor_writes_and_submits(page, base, index, photo):
    log_in_to_admin(page, base, "medredaktor-dag", PASSWORD)
    expect(page.get_by_role("heading", name="Mine historier")).to_be_visible()
    page.goto(f"{base}/admin/pages/add/stories/storypage/{index.pk}/")
    expect(page.get_by_text("Sidens titel, som offentligheden skal se den")).to_be_visible()
    page.fill("#id_title", TITLE)
    page.fill("#id_intro", "Tredive naboer tændte bål og delte suppe lørdag aften.")
    page.fill("#id_image_alt", "Naboer om et bål ved stranden i skumringen")

    # The image comes from her disk, through the image chooser's upload tab.
    page.locator(".chooser__choose-button").first.click()
    page.locator("#tab-label-upload").click()
    page.set_input_files('#tab-upload input[type="file"]', str(photo))
    page.locator('#tab-upload [name="image-chooser-upload-title"]').fill("Bål i Strandparken")
    page.locator('#tab-upload button[type="submit"]').click()
    expect(page.locator("#id_image")).not_to_have_value("", timeout=TIMEOUT)

    page.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Video", exact=True).click()
    page.fill('input[name="body-0-value-url"]', UNKNOWN_VIDEO)
    page.fill('input[name="body-0-value-title"]', "Bålhygge i Strandparken")

    _open_footer_menu(page)
    page.locator('button[name="action-submit"]').click()
    # The stories' listing, where Wagtail sends her once the draft is saved (a
    # pattern the editor's own address matches would not wait at all).
    page.wait_for_url(f"{base}/admin/pages/{index.pk}/", timeout=TIMEOUT)
    page.context.clear_cookies()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_editors_day_from_draft_to_a_fixed_and_retried_channel(
    live_server,
    browser_page,  # noqa: F811
    standin,
    settings,
    tmp_path,
):
    base = live_server.url
    settings.CHANNELS_MAX_ATTEMPTS = 1  # Facebook's outage is given up on at once
    standin.video(OUR_VIDEO_ID, title="Bålhygge i Strandparken")
    standin.fault("facebook", "transient", count=2)  # down at approval and at the fix
    rebuild_roles()
    co_editor(username="medredaktor-dag")
    secretariat(username="sekretariat-dag")
    index = story_index()
    page = browser_page
    page.set_default_timeout(TIMEOUT)

    _co_editor_writes_and_submits(page, base, index, _jpeg(tmp_path / "baal.jpg"))
    draft = StoryPage.objects.get(title=TITLE)
    assert not draft.live

    # The secretariat approves; approving publishes, and the posts go out.
    log_in_to_admin(page, base, "sekretariat-dag", PASSWORD)
    page.goto(f"{base}/admin/pages/{draft.pk}/edit/")
    _open_footer_menu(page)
    page.locator(
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    ).click()
    page.wait_for_url(f"{base}/admin/pages/{index.pk}/", timeout=TIMEOUT)

    # The listing shows the failed channels, and the filter finds the story.
    page.goto(f"{base}/admin/historier/")
    expect(page.locator('[aria-controls="drilldown-id_channel_problems"]').first).to_contain_text(
        "Kanaler med fejl"
    )
    page.goto(f"{base}/admin/historier/?channel_problems=ja")
    row = page.locator("tr", has_text=TITLE)
    expect(row.locator('[title="YouTube: Fejlet"]')).to_be_visible()
    expect(row.locator('[title="Facebook-siden: Fejlet"]')).to_be_visible()
    expect(row.locator('[title="Instagram: Udgivet"]')).to_be_visible()

    # YouTube's card says what went wrong and links to the video's link.
    page.goto(f"{base}/admin/pages/{draft.pk}/edit/#tab-kanaler")
    youtube = page.locator('section[data-channel="youtube"]')
    expect(youtube.locator("[data-channel-status]")).to_have_text("Fejlet")
    expect(youtube).to_contain_text("videoen ukendtVideo findes ikke")
    expect(page.locator("#tab-label-kanaler .w-tabs__errors")).to_be_hidden()
    youtube.get_by_role("link", name="Indhold → Brødtekst → blokken Video → Video-link").click()
    expect(page.locator("#tab-label-indhold")).to_have_attribute("aria-selected", "true")
    video_link = page.locator('input[name="body-0-value-url"]')
    expect(video_link).to_be_focused()

    # Facebook's card says no field fixes it: wait, then "Prøv igen".
    facebook = page.locator('section[data-channel="facebook"]')
    expect(facebook.locator("[data-channel-no-field]")).to_contain_text(
        "Det kan ikke rettes i historien"
    )

    # The secretariat fixes the link and publishes; YouTube goes out.
    video_link.fill(f"https://www.youtube.com/watch?v={OUR_VIDEO_ID}")
    _open_footer_menu(page)
    page.locator('button[name="action-publish"]').click()
    page.wait_for_url(f"{base}/admin/pages/{index.pk}/", timeout=TIMEOUT)
    page.goto(f"{base}/admin/pages/{draft.pk}/edit/#tab-kanaler")
    expect(youtube.locator("[data-channel-status]")).to_have_text("Udgivet")
    expect(youtube.get_by_role("link", name="Se opslaget")).to_be_visible()

    # Facebook is back; "Prøv igen" on its card sends the post.
    expect(facebook.locator("[data-channel-status]")).to_have_text("Fejlet")
    facebook.get_by_role("link", name="Prøv igen på Facebook-siden").click()
    page.get_by_role("button", name="Prøv igen").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{draft.pk}/edit/"), timeout=TIMEOUT)
    expect(page.get_by_text("Opslaget er sat i kø igen.")).to_be_visible()
    page.locator("#tab-label-kanaler").click()
    expect(facebook.locator("[data-channel-status]")).to_have_text("Udgivet")

    # What the platforms received: the Facebook post and the video's description.
    posts = standin.posts()
    assert any(TITLE in post.get("message", "") for post in posts["facebook"])
    description = posts["youtube"][OUR_VIDEO_ID]["snippet"]["description"]
    assert "Tredive naboer tændte bål" in description
