"""The co-editor's "Mine historier" on the dashboard (issue 14)."""

import pytest
from wagtail.models import Workflow

from channels.models import Publication
from channels.models import PublicationStatus as S
from home.roles import WORKFLOW_NAME
from tests.community.helpers import co_editor, report_reader, secretariat
from tests.factories import make_story, story_index

pytestmark = pytest.mark.django_db


def _panel(html: str) -> str:
    start = html.index('id="my-stories-heading"')
    return html[start : html.index("</section>", start)]


def test_a_co_editor_sees_her_drafts_approvals_with_comments_and_where_stories_went(client):
    writer, boss = co_editor(), secretariat()
    make_story(title="Min kladde", publish=False, owner=writer)
    sent_back = make_story(title="Sendt tilbage", publish=False, owner=writer)
    state = Workflow.objects.get(name=WORKFLOW_NAME).start(sent_back, writer)
    state.current_task_state.task.specific.on_action(
        state.current_task_state, boss, "reject", comment="Tilføj et billede af haven."
    )
    out = make_story(title="Ude i verden", owner=writer)
    Publication.objects.update_or_create(page=out, channel="youtube", defaults={"status": S.FAILED})
    make_story(title="En andens historie")

    client.force_login(writer)
    panel = _panel(client.get("/admin/").content.decode())

    assert "Min kladde" in panel and "Sendt tilbage" in panel and "Ude i verden" in panel
    assert "Sekretariatets kommentar: Tilføj et billede af haven." in panel
    assert "YouTube: Fejlet" in panel
    assert "En andens historie" not in panel
    assert f'href="/admin/pages/add/stories/storypage/{story_index().pk}/"' in panel
    assert "Prøv igen" not in panel  # read only


def test_report_readers_have_no_story_panel(client):
    client.force_login(report_reader())
    assert "my-stories-heading" not in client.get("/admin/").content.decode()
