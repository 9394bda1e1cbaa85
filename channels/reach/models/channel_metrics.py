"""Channel reach over time: one snapshot per publication and day, one row per metric.

Pulls follow the schedule in channels/reach/schedule.py; a second pull on the
same day updates that day's snapshot instead of adding rows.
"""

from django.db import models
from django.utils import timezone


class ReachPull(models.Model):
    """A publication's figures on one day: the day's last pull.

    A failed pull is kept too (the reports show it as a gap, not as zero), but
    never replaces figures the same day already has.
    """

    publication = models.ForeignKey(
        "channels.Publication", on_delete=models.CASCADE, related_name="reach_pulls"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    channel = models.CharField(max_length=32)
    pulled_at = models.DateTimeField(db_index=True)
    """The day's last pull."""
    day = models.DateField()
    """The local day the snapshot is for: one per publication and day."""
    ok = models.BooleanField(default=True)
    error = models.CharField(max_length=500, blank=True)
    """Why the pull failed, or why figures are missing although it worked."""

    class Meta:
        verbose_name = "Hentning af rækkevidde"
        verbose_name_plural = "Hentninger af rækkevidde"
        indexes = [models.Index(fields=["page", "channel", "pulled_at"], name="reach_pull_page")]
        constraints = [
            models.UniqueConstraint(fields=["publication", "day"], name="reach_pull_one_per_day")
        ]

    def save(self, *args, **kwargs):
        if self.day is None and self.pulled_at is not None:
            self.day = timezone.localtime(self.pulled_at).date()
        super().save(*args, **kwargs)


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


class RefusedMetric(models.Model):
    """A metric a platform stopped serving, found out when it refused it.

    Meta fails a whole insights request when one metric in it was removed
    (#100); the pull then asks without it, and this row keeps that the metric
    is gone and since when, so later pulls leave it out and the reach admin
    says so in Danish.
    """

    channel = models.CharField(max_length=32)
    metric = models.CharField(max_length=60)
    since = models.DateTimeField(help_text="The first pull the platform refused the metric in.")
    last_refused_at = models.DateTimeField()
    reason = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = "Måltal, platformen ikke længere leverer"
        verbose_name_plural = "Måltal, platformene ikke længere leverer"
        constraints = [
            models.UniqueConstraint(fields=["channel", "metric"], name="reach_refused_unique")
        ]
