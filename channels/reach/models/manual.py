"""Figures no API gives: staff enter them with a date and where they come from."""

from django.db import models
from wagtail.admin.panels import FieldPanel


class ManualFigureKind(models.TextChoices):
    FACEBOOK_GROUP_MEMBERS = "facebook_group_members", "Medlemmer af Facebook-gruppen"
    FACEBOOK_FOLLOWERS = "facebook_followers", "Følgere på Facebook-siden"
    INSTAGRAM_FOLLOWERS = "instagram_followers", "Følgere på Instagram"
    YOUTUBE_SUBSCRIBERS = "youtube_subscribers", "Abonnenter på YouTube"


class ManualFigure(models.Model):
    """A count read off a platform by hand, e.g. the Facebook group's members.

    Kept as a dated series, so the report can show growth over a period.
    """

    kind = models.CharField("Tal", max_length=30, choices=ManualFigureKind.choices)
    value = models.PositiveIntegerField("Antal")
    date = models.DateField("Dato", help_text="Den dag tallet blev aflæst.")
    source = models.CharField(
        "Kilde",
        max_length=250,
        help_text="Hvor tallet kommer fra, fx 'Facebook-gruppens forside, aflæst af os'.",
    )
    entered_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("kind"), FieldPanel("value"), FieldPanel("date"), FieldPanel("source")]

    class Meta:
        verbose_name = "Manuelt tal"
        verbose_name_plural = "Manuelle tal"
        ordering = ["-date", "kind"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value} ({self.date:%d.%m.%Y})"


class PressLevel(models.TextChoices):
    REGIONAL = "regional", "Regional"
    NATIONAL = "national", "Landsdækkende"


class PressCoverage(models.Model):
    """A story picked up by the press: the council asked for 3–5 of these a year."""

    story = models.ForeignKey(
        "stories.StoryPage",
        verbose_name="Historie",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outlet = models.CharField("Medie", max_length=120, help_text="Fx 'TV 2 Lorry' eller 'DR'.")
    level = models.CharField("Dækning", max_length=10, choices=PressLevel.choices)
    headline = models.CharField("Overskrift", max_length=250, blank=True)
    url = models.URLField("Link", blank=True)
    date = models.DateField("Dato")
    source = models.CharField(
        "Kilde", max_length=250, blank=True, help_text="Hvordan vi fandt omtalen, hvis ikke link."
    )

    panels = [
        FieldPanel("story"),
        FieldPanel("outlet"),
        FieldPanel("level"),
        FieldPanel("headline"),
        FieldPanel("url"),
        FieldPanel("date"),
        FieldPanel("source"),
    ]

    class Meta:
        verbose_name = "Presseomtale"
        verbose_name_plural = "Presseomtaler"
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.outlet} ({self.get_level_display()}), {self.date:%d.%m.%Y}"
