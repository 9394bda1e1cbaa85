from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.search import index


class PartnerKind(models.TextChoices):
    ASSOCIATION = "forening", "Forening"
    HOUSING = "boligforening", "Boligforening"
    SCHOOL = "skole", "Skole eller uddannelse"
    COMPANY = "virksomhed", "Virksomhed"
    MUNICIPAL = "kommune", "Kommunal afdeling"


class Partner(index.Indexed, models.Model):
    """A local partner a story credits. A snippet, because the same association
    appears in many stories and its logo and link should be kept in one place."""

    name = models.CharField("Navn", max_length=150, unique=True)
    kind = models.CharField("Type", max_length=20, choices=PartnerKind.choices)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField("Hjemmeside", blank=True)

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("logo"), FieldPanel("url")]
    api_fields = [APIField("name"), APIField("kind"), APIField("url")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "Partner"
        verbose_name_plural = "Partnere"

    def __str__(self):
        return self.name
