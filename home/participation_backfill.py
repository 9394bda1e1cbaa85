"""Give submissions sent before the follow links existed their Contribution,
so the council's participation figures count them too (used by the stories
and locations data migrations, with historical models).

The status is read from what happened: a live page is published (answered when
it was first published), a draft whose approval ended in "needs changes" is
rejected (with the reviewer's comment as the reason), a reviewed photo is
approved, a handled correction is answered. Nobody is mailed about the past:
each row starts as already notified.
"""

from __future__ import annotations

import secrets


def _content_type(apps, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(
        app_label=model._meta.app_label, model=model._meta.model_name
    )[0]


def page_outcome(apps, page_id: int | None) -> tuple[str, object, str]:
    """(status, answered_at, reason) of a resident's draft page."""
    Page = apps.get_model("wagtailcore", "Page")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    page = Page.objects.filter(pk=page_id).first() if page_id else None
    if page is None:
        return "modtaget", None, ""
    if page.live:
        return "udgivet", page.first_published_at, ""
    state = (
        WorkflowState.objects.filter(object_id=str(page.pk)).order_by("-created_at", "-pk").first()
    )
    if state is not None and state.status == "needs_changes":
        task = TaskState.objects.filter(workflow_state=state, status="rejected").last()
        if task is not None and (task.comment or "").strip():
            return "afvist", task.finished_at, task.comment.strip()
    return "modtaget", None, ""


def add(apps, record, *, kind, title, received_at, page_id, status, answered_at, reason="",
        becomes_page=True) -> None:  # fmt: skip
    Contribution = apps.get_model("home", "Contribution")
    record_type = _content_type(apps, type(record))
    if Contribution.objects.filter(record_type=record_type, record_id=record.pk).exists():
        return
    Contribution.objects.create(
        token=secrets.token_urlsafe(32),
        kind=kind,
        title=(title or "")[:255],
        status=status,
        received_at=received_at,
        status_changed_at=answered_at or received_at,
        answered_at=answered_at,
        reason=reason,
        page_id=page_id,
        becomes_page=becomes_page,
        record_type=record_type,
        record_id=record.pk,
        notified_status=status,
    )
