"""The editor's flow through Wagtail's page editor, as each role meets it:
no page made behind her back, withdrawing from approval asks first, a menu
with only what she may open, a title on every screen, a guide in Danish."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page, Workflow, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.roles import MEDREDAKTOR, RAPPORTLAESER, SEKRETARIAT, WORKFLOW_NAME
from stories.models import StoryPage
from tests.community.helpers import user_in
from tests.factories import make_story, story_index
from tests.home.admin_text import form_values

pytestmark = pytest.mark.django_db


def _links(node, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Every (label, url) in the sidebar's packed menu."""
    if isinstance(node, dict):
        if isinstance(node.get("url"), str) and isinstance(node.get("label"), str):
            found.append((node["label"], node["url"]))
        for value in node.values():
            _links(value, found)
    elif isinstance(node, list):
        for value in node:
            _links(value, found)
    return found


def sidebar(html: str) -> list[tuple[str, str]]:
    props = BeautifulSoup(html, "html.parser").find(id="wagtail-sidebar-props")
    return _links(json.loads(props.string), [])


@pytest.mark.parametrize("role", [RAPPORTLAESER, MEDREDAKTOR, SEKRETARIAT])
def test_every_menu_entry_opens_for_the_role_that_sees_it(client, role):
    story_index()
    client.force_login(user_in(role))
    links = [(label, url) for label, url in sidebar(client.get("/admin/").content.decode())]
    assert links
    for label, url in links:
        if url.startswith("/admin/") and url != "#":
            response = client.get(url, follow=True)
            assert response.status_code == 200, (
                f"{role}: »{label}« ({url}) gav {response.status_code}"
            )
    urls = {url for _, url in links}
    if role == RAPPORTLAESER:
        assert "/admin/historier/" not in urls and "/admin/begivenheder/" not in urls
        assert "/admin/raekkevidde/evalueringsrapport/" in urls


def test_a_report_reader_gets_no_page_search_on_the_dashboard(client):
    client.force_login(user_in(RAPPORTLAESER))
    html = client.get("/admin/").content.decode()
    assert 'role="search"' not in html
    client.force_login(user_in(MEDREDAKTOR))
    assert 'role="search"' in client.get("/admin/").content.decode()


def test_the_create_form_does_not_autosave_but_the_edit_form_does(client):
    index = story_index()
    client.force_login(user_in(MEDREDAKTOR))
    create = client.get(f"/admin/pages/add/stories/storypage/{index.pk}/").content.decode()
    form = BeautifulSoup(create, "html.parser").find("form", attrs={"data-edit-form": True})
    assert "w-autosave" not in form["data-controller"]
    story = make_story(index, title="Sommer på stranden")
    edit = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    form = BeautifulSoup(edit, "html.parser").find("form", attrs={"data-edit-form": True})
    assert "w-autosave" in form["data-controller"]


def test_a_title_in_use_gets_a_danish_error(client):
    index = story_index()
    make_story(index, title="Loppemarked", slug="loppemarked")
    client.force_login(user_in(SEKRETARIAT))
    url = f"/admin/pages/add/stories/storypage/{index.pk}/"
    response = client.post(
        url, {"title": "Loppemarked", "slug": "loppemarked", "body-count": "0", "intro": "x"}
    )
    html = response.content.decode()
    assert "loppemarked" in html and "is already in use" not in html
    assert "bruges allerede" in html
    assert StoryPage.objects.filter(slug="loppemarked").count() == 1


@pytest.fixture
def in_moderation():
    index = story_index()
    author = user_in(MEDREDAKTOR)
    story = make_story(index, title="Fællesspisning i hallen", publish=False, owner=author)
    Workflow.objects.get(name=WORKFLOW_NAME).start(story, author)
    return story, author


def test_withdrawing_from_approval_stands_apart_and_asks_first(client, in_moderation):
    story, _ = in_moderation
    client.force_login(user_in(SEKRETARIAT))
    html = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    footer = html[html.index('class="w-dropdown-button') :] if "w-dropdown-button" in html else html
    actions = re.findall(r"(Godkend[^<]*|Træk tilbage fra godkendelse)", footer)
    assert actions[-1] == "Træk tilbage fra godkendelse"  # after every approve action
    assert 'name="action-cancel-workflow"' not in html  # no one-click button
    confirm_url = f"/admin/sider/{story.pk}/traek-tilbage/"
    assert confirm_url in html
    confirm = client.get(confirm_url).content.decode()
    assert "Vil du trække" in confirm and "Ja, træk den tilbage" in confirm
    assert story.workflow_states.get().status == WorkflowState.STATUS_IN_PROGRESS
    response = client.post(confirm_url, follow=True)
    assert story.workflow_states.get().status == WorkflowState.STATUS_CANCELLED
    assert "er trukket tilbage fra godkendelse" in response.content.decode()


def test_only_who_may_cancel_may_open_the_withdraw_page(client, in_moderation):
    story, _ = in_moderation
    client.force_login(user_in(RAPPORTLAESER))
    assert client.get(f"/admin/sider/{story.pk}/traek-tilbage/").status_code in (302, 403)
    assert Page.objects.get(pk=story.pk).specific.current_workflow_state is not None


def test_channel_settings_have_a_title(client):
    client.force_login(user_in(SEKRETARIAT))
    html = client.get("/admin/kanalindstillinger/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("h1").get_text(strip=True) == "Kanalindstillinger"
    assert soup.title.get_text().startswith("Kanalindstillinger")


def test_the_help_menu_leads_to_a_danish_guide_not_wagtails_english_one(client):
    client.force_login(user_in(MEDREDAKTOR))
    links = sidebar(client.get("/admin/").content.decode())
    assert ("Vejledning for redaktører", "/admin/vejledning/") in links
    assert not [url for _, url in links if "guide.wagtail.org" in url or "wagtail.org" in url]
    guide = client.get("/admin/vejledning/").content.decode()
    assert "Træk tilbage fra godkendelse" in guide and "alt-tekst" in guide
    assert "guide.wagtail.org" not in client.get("/admin/").content.decode()


def test_an_approval_that_publishes_says_published(client, in_moderation):
    story, _ = in_moderation
    client.force_login(user_in(SEKRETARIAT))
    url = f"/admin/pages/{story.pk}/edit/"
    data = form_values(client.get(url).content.decode())
    data.pop("partners", None)  # a multiple select with nothing chosen sends nothing
    # The body is a StreamField its JavaScript sends; sent here as a browser would.
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text("Tekst"))])}))
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
    response = client.post(url, data, follow=True)
    html = response.content.decode()
    story.refresh_from_db()
    assert story.live
    assert "er godkendt og udgivet" in html
    assert "er gemt" not in html and "opdateret" not in html
