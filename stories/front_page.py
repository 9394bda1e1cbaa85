"""Keep the cached front page honest about the task board.

The front page's "Giv en hånd" says how many hands each task still needs. A
sign-up (or its removal by the secretariat or the personal-data purge)
changes that number without any page being published, so Wagtail's purge and
cms.caching's never hear of it. This purges the pages above the group (the
front page and "Grupper") after the sign-up commits; the group page itself is
never stored (GroupPage.detail).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from stories import hub
from stories.models import GroupTask, TaskSignup


def _pages_above(page_id: int):
    group = Page.objects.filter(pk=page_id).first()
    if group is None:
        return Page.objects.none()
    return Page.objects.ancestor_of(group).filter(depth__gt=1).live()


def purge_pages_showing_the_board(instance: TaskSignup, **kwargs) -> None:
    if kwargs.get("created") is False:
        return  # an edit of name or contact changes no count
    hub.forget_tasks()
    # Looked up rather than followed: when a task is deleted with its sign-ups the
    # row may already be gone, and the group's publish purges the pages anyway.
    page_id = (
        GroupTask.objects.filter(pk=instance.task_id).values_list("page_id", flat=True).first()
    )
    if page_id is None:
        return

    def purge():
        hub.forget_tasks()  # again, now that the sign-up is visible to others
        batch = PurgeBatch()
        batch.add_pages(_pages_above(page_id))
        batch.purge()

    transaction.on_commit(purge)


def connect() -> None:
    post_save.connect(
        purge_pages_showing_the_board, sender=TaskSignup, dispatch_uid="front-page-signup-saved"
    )
    post_delete.connect(
        purge_pages_showing_the_board, sender=TaskSignup, dispatch_uid="front-page-signup-deleted"
    )
