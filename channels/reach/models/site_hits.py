"""Website reach: raw hits of the running day, and the aggregates kept for good."""

from django.db import models


class Source(models.TextChoices):
    FACEBOOK = "facebook", "Facebook-siden"
    FACEBOOK_GROUP = "fb_group", "Facebook-gruppen"
    INSTAGRAM = "instagram", "Instagram"
    YOUTUBE = "youtube", "YouTube"
    FEDIVERSE = "fediverse", "Fediverset (Mastodon m.fl.)"
    SEARCH = "search", "Søgemaskiner"
    MUNICIPAL = "municipal", "Kommunale sites"
    POSTER = "poster", "Plakat"
    DIRECT = "direct", "Direkte"
    OTHER = "other", "Andre"


class RawHit(models.Model):
    """One beacon, as cheap to store as it can be: written in batches (hit_buffer.py).

    Keys are 64-bit HMACs of address and browser under the day's and the
    month's salt; the clock job turns the day's hits into aggregates, applying
    the 30-minute rule, and deletes them when the day is over.
    """

    at = models.DateTimeField()
    day = models.DateField()
    day_key = models.BigIntegerField()
    month_key = models.BigIntegerField()
    page_id = models.IntegerField(null=True)
    source = models.CharField(max_length=10, choices=Source.choices)
    utm_source = models.CharField(max_length=20, blank=True)
    utm_campaign = models.CharField(max_length=80, blank=True)
    utm_content = models.CharField(max_length=40, blank=True)

    class Meta:
        indexes = [models.Index(fields=["day"], name="reach_rawhit_day")]


class MonthVisitor(models.Model):
    """Distinct month keys seen in a calendar month: true monthly unique visitors.

    Deleted with the month's salt once the month is over and counted.
    """

    month = models.DateField()
    key = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["month", "key"], name="reach_monthvisitor_unique")
        ]


class PageDay(models.Model):
    """Page views and unique visitors of one page on one day."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    views = models.PositiveIntegerField("Sidevisninger", default=0)
    visitors = models.PositiveIntegerField("Unikke besøgende", default=0)

    class Meta:
        verbose_name = "Sidevisninger pr. side og dag"
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="reach_pageday_unique")]
        indexes = [models.Index(fields=["day"], name="reach_pageday_day")]


class PageSourceDay(models.Model):
    """Page views of one page on one day from one source.

    `utm_source` keeps which channel's link was followed, as the channel's
    slug (e.g. "detsker" for click-throughs from the municipal listing,
    "facebook_group" for the group), blank when there was no tag.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    source = models.CharField(max_length=10, choices=Source.choices)
    utm_source = models.CharField(max_length=20, blank=True)
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "day", "source", "utm_source"], name="reach_pagesourceday_unique"
            )
        ]
        indexes = [models.Index(fields=["day"], name="reach_pagesourceday_day")]


class SiteDay(models.Model):
    """The whole site on one day."""

    day = models.DateField(unique=True)
    views = models.PositiveIntegerField("Sidevisninger", default=0)
    visitors = models.PositiveIntegerField("Unikke besøgende", default=0)

    class Meta:
        verbose_name = "Sidevisninger pr. dag"
        permissions = [("view_reports", "Kan se rækkevidde og evalueringsrapporten")]


class SiteSourceDay(models.Model):
    """The whole site on one day from one source."""

    day = models.DateField()
    source = models.CharField(max_length=10, choices=Source.choices)
    views = models.PositiveIntegerField(default=0)
    visitors = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "source"], name="reach_sitesourceday_unique")
        ]


class SiteMonth(models.Model):
    """The whole site in one calendar month, with true monthly unique visitors."""

    month = models.DateField(unique=True, help_text="Den første dag i måneden.")
    views = models.PositiveIntegerField("Sidevisninger", default=0)
    visitors = models.PositiveIntegerField("Unikke besøgende", default=0)

    class Meta:
        verbose_name = "Sidevisninger pr. måned"
