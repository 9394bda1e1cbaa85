"""How many live, public stories each topic has under a story index."""

from django.db import models
from taggit.models import Tag


class StoryTopic(models.Model):
    """A topic of a story index with its number of live, public stories.

    The index page shows its topics and pages through its stories on every
    view; counting them there walked the whole archive each time. These few
    rows are counted again when a story is published, unpublished, moved or
    deleted, or a view restriction changes (stories.topics), so a page view
    reads a handful of rows however many stories there are. The row without a
    topic holds the index's total.
    """

    index = models.ForeignKey(
        "stories.StoryIndexPage",
        verbose_name="Historieoversigt",
        on_delete=models.CASCADE,
        related_name="topic_counts",
    )
    tag = models.ForeignKey(
        Tag, verbose_name="Emne", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    story_count = models.PositiveIntegerField("Antal historier")

    class Meta:
        verbose_name = "Emne med antal historier"
        verbose_name_plural = "Emner med antal historier"
        constraints = [
            models.UniqueConstraint(fields=["index", "tag"], name="stories_topic_per_index")
        ]
