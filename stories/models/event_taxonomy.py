"""What an event is about and whom it is for.

Categories are a snippet because the secretariat adds new ones ("Madfællesskab",
"Natur") without a developer; audiences are a fixed list because municipal
sites filter on them and need the values to stay stable.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from home.text import slugify_da


class Audience(models.TextChoices):
    CHILDREN = "boern", "Børn"
    FAMILIES = "familier", "Familier"
    YOUTH = "unge", "Unge"
    ADULTS = "voksne", "Voksne"
    ELDERLY = "aeldre", "Ældre"
    EVERYONE = "alle", "Alle"


class Weekday(models.IntegerChoices):
    # Same numbering as Python's date.weekday() and dateutil's MO..SU.
    MONDAY = 0, "Mandag"
    TUESDAY = 1, "Tirsdag"
    WEDNESDAY = 2, "Onsdag"
    THURSDAY = 3, "Torsdag"
    FRIDAY = 4, "Fredag"
    SATURDAY = 5, "Lørdag"
    SUNDAY = 6, "Søndag"


class EventCategory(index.Indexed, models.Model):
    """A kind of event ("Fællesspisning", "Natur"); the slug is used in filters."""

    name = models.CharField("Navn", max_length=80, unique=True)
    slug = models.SlugField(
        "Kort navn til adresser",
        max_length=80,
        unique=True,
        blank=True,
        help_text="Bruges i links og filtre, fx 'faellesspisning'. Udfyldes automatisk, hvis tomt.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "Begivenhedskategori"
        verbose_name_plural = "Begivenhedskategorier"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify_da(self.name)
        super().save(*args, **kwargs)
