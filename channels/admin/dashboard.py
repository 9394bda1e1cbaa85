"""The co-editor's dashboard panel "Mine historier".

Her drafts, what waits for the secretariat (with their comments when they sent
it back), and her published stories with where each went out, read only. It
lives with the channel layer because only channels may know both the stories
and where they were posted (cms → channels → stories).
"""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from stories.models import StoryIndexPage, StoryPage

from .status import status_icons

SHOWN = 10


class MyStoriesPanel(Component):
    name = "mine_historier"
    order = 50
    template_name = "channels/admin/my_stories.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        stories = StoryPage.objects.filter(owner=self.user).order_by("-latest_revision_created_at")
        states = _open_workflow_states([story.pk for story in stories])
        drafts, waiting, published = [], [], []
        for story in stories.prefetch_related("publications"):
            state = states.get(story.pk)
            if state is not None:
                waiting.append({"page": story, **state})
            elif story.live:
                published.append(
                    {"page": story, "channels": status_icons(story.publications.all())}
                )
            else:
                drafts.append({"page": story})
        index = StoryIndexPage.objects.live().first() or StoryIndexPage.objects.first()
        new_story_url = (
            reverse("wagtailadmin_pages:add", args=["stories", "storypage", index.pk])
            if index
            else None
        )
        return {
            "drafts": drafts[:SHOWN],
            "waiting": waiting[:SHOWN],
            "published": published[:SHOWN],
            "new_story_url": new_story_url,
        }


def _open_workflow_states(page_ids: list[int]) -> dict[int, dict]:
    """Per page: waiting for approval, or sent back with the secretariat's comment."""
    states = WorkflowState.objects.filter(
        base_content_type__model="page",
        object_id__in=[str(pk) for pk in page_ids],
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
    ).order_by("created_at")
    found: dict[int, dict] = {}
    for state in states:
        last_task = (
            TaskState.objects.filter(workflow_state=state)
            .exclude(comment="")
            .order_by("-finished_at")
            .first()
        )
        found[int(state.object_id)] = {
            "sent_back": state.status == WorkflowState.STATUS_NEEDS_CHANGES,
            "comment": last_task.comment if last_task else "",
        }
    return found


def add_my_stories_panel(request, panels) -> None:
    """Only for people who write stories (co-editors and the secretariat)."""
    if PagePermissionPolicy(Page).user_has_permission(request.user, "add"):
        panels.append(MyStoriesPanel(request.user))
