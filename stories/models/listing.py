"""The story index's pages at the same cost on the first page and the last,
with 1,000 stories or 10,000."""

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q, Sum

from stories.models.topic import StoryTopic

# Rows read per page shown, for the choice in about_topic (a page is 12 stories).
READ_AHEAD = 12


class ArchivePaginator(Paginator):
    """Pages of a newest-first list that read the oldest pages from the other end.

    With OFFSET the database walks every row before the page it shows, so
    "Side 830 af 830" read the whole archive. A page past the middle is read
    in reverse order (oldest first) from the far end and turned round, so the
    first and the last page each read one page of rows; `?side=N` still means
    what it always meant. The count comes from the topic table when it is
    known (StoryTopic), so the paginator does not count the archive either.
    """

    def __init__(self, object_list, per_page, count: int | None = None):
        super().__init__(object_list, per_page)
        if count is not None:
            self.count = count  # Paginator.count is a cached_property: this is its value

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if bottom > self.count - top:
            rows = list(self.object_list.reverse()[self.count - top : self.count - bottom])
            rows.reverse()
        else:
            rows = self.object_list[bottom:top]
        return self._get_page(rows, number, self)


def about_topic(stories, tag, count: int | None, total: int | None):
    """`stories` about one topic, asked so that the database reads few rows.

    Either it reads the newest stories in date order and keeps those with the
    topic (about page size × total / count rows: cheap for a common topic), or
    it reads every story with the topic and sorts them (count rows: cheap for
    a rare one). The known counts pick the cheaper; either way a page reads at
    most about √(12 × total) rows, and for a topic on a fixed share of the
    stories a fixed number, whatever the size of the archive.
    """
    if count is not None and total and count * count > READ_AHEAD * total:
        tagged = stories.model.tags.through.objects.filter(content_object=OuterRef("pk"), tag=tag)
        return stories.filter(Exists(tagged))
    return stories.filter(tags=tag)


class TopicCounts:
    """An index's topics and story counts, read in one query."""

    def __init__(self, index):
        # By key: a new index in preview has none yet, and no rows either.
        rows = list(StoryTopic.objects.filter(index_id=index.pk).select_related("tag"))
        totals = [row.story_count for row in rows if row.tag_id is None]
        # None until the counts have been made (stories.topics): then the
        # paginator counts the stories itself.
        self.total: int | None = totals[0] if totals else None
        self.topics = sorted(
            (row for row in rows if row.tag_id is not None and row.story_count),
            key=lambda row: row.tag.name.casefold(),
        )

    def count_for(self, tag) -> int | None:
        if self.total is None:
            return None
        return next((row.story_count for row in self.topics if row.tag_id == tag.pk), 0)


def listed_total_under(root_path) -> int | None:
    """The live, public stories of every story index under the page with this
    tree path (a string or an expression such as a subquery), read from the
    topic table; None while an index there has not been counted yet."""
    total = Q(topic_counts__tag__isnull=True)
    indexes = StoryTopic._meta.get_field("index").related_model.objects
    found = indexes.filter(path__startswith=root_path).aggregate(
        indexes=Count("pk", distinct=True),
        counted=Count("topic_counts", filter=total),
        stories=Sum("topic_counts__story_count", filter=total),
    )
    if found["counted"] != found["indexes"]:
        return None
    return found["stories"] or 0
