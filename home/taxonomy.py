"""Editor-extensible lists of terms: place categories, facilities, event categories.

Each is a snippet, so the secretariat adds a new term without a developer;
each term has a stable slug that URLs, filters and the feeds use.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from home.text import slugify_da


class Term(index.Indexed, models.Model):
    """A name with a stable slug (`?kategori=legeplads`), made from the name if left empty."""

    name = models.CharField("Navn", max_length=80, unique=True)
    slug = models.SlugField(
        "Kort navn til adresser",
        max_length=80,
        unique=True,
        blank=True,
        help_text="Bruges i links og filtre. Udfyldes automatisk ud fra navnet, hvis tomt.",
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
