"""The three roles, the "Godkendelse" workflow and its Danish e-mails."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.models import Page, Workflow

from home.roles import MEDREDAKTOR, RAPPORTLAESER, SEKRETARIAT, WORKFLOW_NAME
from stories.models import StoryPage
from tests.community.helpers import co_editor, report_reader, secretariat
from tests.factories import make_story

pytestmark = pytest.mark.django_db


def test_the_migration_creates_the_three_roles():
    names = set(Group.objects.values_list("name", flat=True))
    assert {SEKRETARIAT, MEDREDAKTOR, RAPPORTLAESER} <= names


def test_each_role_gets_what_the_docs_promise():
    sek, med, rap = secretariat(), co_editor(), report_reader()
    story = make_story(title="Strandens dag")
    assert story.permissions_for_user(sek).can_publish()
    assert story.permissions_for_user(med).can_edit()
    assert not story.permissions_for_user(med).can_publish()
    assert not story.permissions_for_user(rap).can_edit()
    assert sek.has_perm("reach.view_reports") and rap.has_perm("reach.view_reports")
    assert not med.has_perm("reach.view_reports")
    assert sek.has_perm("channels.view_publication")
    assert not med.has_perm("channels.view_publication")
    assert not rap.has_perm("channels.view_publication")
    assert sek.has_perm("stories.view_tasksignup")
    assert not med.has_perm("stories.view_tasksignup")


def test_godkendelse_is_the_workflow_for_every_page():
    story = make_story(publish=False)
    workflow = story.get_workflow()
    assert workflow is not None and workflow.name == WORKFLOW_NAME
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [SEKRETARIAT]
    assert (
        Workflow.objects.get(name=WORKFLOW_NAME)
        .workflow_pages.filter(page=Page.get_first_root_node())
        .exists()
    )


def test_a_co_editor_cannot_publish_but_can_send_for_approval():
    writer = co_editor()
    story = make_story(title="Naboer planter tulipaner", publish=False)
    workflow = story.get_workflow()
    state = workflow.start(story, writer)
    assert state.status == "in_progress"
    assert story.permissions_for_user(writer).can_publish() is False
    # The draft shows up in the secretariat's queue.
    sek = secretariat()
    assert state.current_task_state.task.specific.user_can_access_editor(story, sek)


def _approve(page, user, action, comment=""):
    state = page.current_workflow_state
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, user, action, comment=comment)


def test_the_co_editor_is_told_in_danish_when_the_story_is_approved():
    writer, sek = co_editor(), secretariat()
    story = make_story(title="Naboer planter tulipaner", publish=False)
    story.save_revision(user=writer)
    story.get_workflow().start(story, writer)
    mail.outbox.clear()
    story.refresh_from_db()
    _approve(story, sek, "approve")

    assert StoryPage.objects.get(pk=story.pk).live
    to_writer = [m for m in mail.outbox if writer.email in m.to]
    assert to_writer, [m.subject for m in mail.outbox]
    assert "Naboer planter tulipaner" in to_writer[0].subject
    assert "godkendt" in (to_writer[0].subject + to_writer[0].body).lower()
    assert f"Se siden her: {StoryPage.objects.get(pk=story.pk).full_url}" in to_writer[0].body


def test_the_co_editor_gets_the_secretariats_comment_when_sent_back():
    writer, sek = co_editor(), secretariat()
    story = make_story(title="Naboer planter tulipaner", publish=False)
    story.save_revision(user=writer)
    story.get_workflow().start(story, writer)
    mail.outbox.clear()
    story.refresh_from_db()
    _approve(story, sek, "reject", comment="Tilføj gerne et billede af bedet.")

    assert not StoryPage.objects.get(pk=story.pk).live
    to_writer = [m for m in mail.outbox if writer.email in m.to]
    assert to_writer, [m.subject for m in mail.outbox]
    body = to_writer[0].body
    assert "Tilføj gerne et billede af bedet." in body
    assert "sendt tilbage til dig" in to_writer[0].subject


def test_the_secretariat_invites_a_co_editor_by_danish_email(client):
    client.force_login(secretariat())
    response = client.post(
        "/admin/faellesskab/inviter/",
        {"first_name": "Aisha", "last_name": "Khan", "email": "aisha@example.dk"},
    )
    assert response.status_code == 302
    message = mail.outbox[-1]
    assert message.to == ["aisha@example.dk"]
    assert message.subject == "Du er inviteret som medredaktør på Vores Ishøj"
    assert "/admin/password_reset/confirm/" in message.body
    from django.contrib.auth import get_user_model

    invited = get_user_model().objects.get(email="aisha@example.dk")
    assert list(invited.groups.values_list("name", flat=True)) == [MEDREDAKTOR]
    assert not invited.has_usable_password() and not invited.is_superuser


def test_a_co_editor_cannot_invite(client):
    client.force_login(co_editor())
    response = client.post(
        "/admin/faellesskab/inviter/", {"first_name": "X", "email": "x@example.dk"}
    )
    assert response.status_code in (302, 403)
    assert not mail.outbox
