"""Channel reach over time: one pull per publication per run, one row per metric."""

from django.db import models


class ReachPull(models.Model):
    """One attempt to read a publication's figures from its platform.

    A failed attempt is kept too: the reports show it as a gap, not as zero.
    """

    publication = models.ForeignKey(
        "channels.Publication", on_delete=models.CASCADE, related_name="reach_pulls"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    channel = models.CharField(max_length=32)
    pulled_at = models.DateTimeField(db_index=True)
    ok = models.BooleanField(default=True)
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = "Hentning af rækkevidde"
        verbose_name_plural = "Hentninger af rækkevidde"
        indexes = [models.Index(fields=["page", "channel", "pulled_at"], name="reach_pull_page")]


class ChannelMetric(models.Model):
    """A figure under the platform's own name (e.g. Facebook 'views', YouTube
    'viewCount'): platforms rename and retire metrics, so we never map them
    onto one invented name, and never add them across platforms."""

    pull = models.ForeignKey(ReachPull, on_delete=models.CASCADE, related_name="metrics")
    metric = models.CharField(max_length=60)
    value = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pull", "metric"], name="reach_metric_unique")
        ]
