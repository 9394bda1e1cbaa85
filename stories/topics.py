"""Keep each story index's topic counts (StoryTopic) true.

The index reads its topics and its number of stories from these rows on every
view, so they are counted again whenever the answer can change: a story is
published, unpublished, moved or deleted, a view restriction is added or
removed, and after `migrate` (which also fills them on the first deploy). A
count walks the whole archive, so it runs once, after the change commits,
however many stories one transaction touches (unpublishing a whole index
sends one signal per story).
"""

from django.db import connection, transaction
from django.db.models import Count
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from stories.models import StoryIndexPage, StoryPage, StoryTag, StoryTopic


def refresh_topics(**kwargs) -> None:
    """Count every index's live, public stories, in all and per topic."""
    with transaction.atomic():
        # Two counts at once would each write what they saw; the lock makes the
        # second wait and count after the first change is committed.
        indexes = list(StoryIndexPage.objects.select_for_update(of=("self",)).order_by("pk"))
        for index in indexes:
            stories = index.stories().order_by()  # what a resident can see on it
            per_topic = (
                StoryTag.objects.filter(content_object__in=stories.values("pk"))
                .values_list("tag")
                .annotate(n=Count("content_object", distinct=True))
            )
            rows = [StoryTopic(index=index, tag=None, story_count=stories.count())]
            rows += [StoryTopic(index=index, tag_id=tag, story_count=n) for tag, n in per_topic]
            StoryTopic.objects.filter(index=index).delete()
            StoryTopic.objects.bulk_create(rows)


class _Refresh:
    """One count waiting for the commit; `done` once it has run (a test that
    runs the callbacks early leaves them in the connection's list)."""

    done = False

    def __call__(self) -> None:
        self.done = True
        refresh_topics()


def refresh_after_commit(**kwargs) -> None:
    """Count again once the current transaction commits (at once outside one)."""
    pending = transaction.get_connection().run_on_commit
    if not any(isinstance(entry[1], _Refresh) and not entry[1].done for entry in pending):
        transaction.on_commit(_Refresh())


def refresh_after_migrate(**kwargs) -> None:
    if StoryTopic._meta.db_table in connection.introspection.table_names():
        refresh_topics()


def connect(app_config) -> None:
    post_migrate.connect(refresh_after_migrate, sender=app_config, dispatch_uid="topics-migrate")
    for signal in (page_published, page_unpublished):
        signal.connect(refresh_after_commit, sender=StoryPage, dispatch_uid=f"topics-{signal!r}")
    # A move can take stories under (or out from under) a view restriction.
    post_page_move.connect(refresh_after_commit, dispatch_uid="topics-move")
    post_delete.connect(refresh_after_commit, sender=StoryPage, dispatch_uid="topics-delete")
    post_save.connect(
        refresh_after_commit, sender=PageViewRestriction, dispatch_uid="topics-restrict"
    )
    post_delete.connect(
        refresh_after_commit, sender=PageViewRestriction, dispatch_uid="topics-unrestrict"
    )
