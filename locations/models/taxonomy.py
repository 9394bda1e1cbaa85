"""Categories and facilities of places: snippets, so editors can add new ones."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from home.text import slugify_da


class _Term(index.Indexed, models.Model):
    """A name with a stable slug used in URLs (`?kategori=legeplads`) and GeoJSON."""

    name = models.CharField("Navn", max_length=80, unique=True)
    slug = models.SlugField(
        "Kort navn til adresser",
        max_length=80,
        unique=True,
        blank=True,
        allow_unicode=False,
        help_text="Bruges i links og filtre, fx 'legeplads'. Udfyldes automatisk, hvis tomt.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify_da(self.name)
        super().save(*args, **kwargs)


class PlaceCategory(_Term):
    """What kind of place it is (legeplads, spisested …); one per place."""

    class Meta(_Term.Meta):
        verbose_name = "Stedkategori"
        verbose_name_plural = "Stedkategorier"


class Facility(_Term):
    """Something a place offers (toilet, bålplads …); a place has any number."""

    class Meta(_Term.Meta):
        verbose_name = "Facilitet"
        verbose_name_plural = "Faciliteter"
