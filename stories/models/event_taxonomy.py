"""What an event is about and whom it is for.

Categories are a snippet because the secretariat adds new ones ("Madfællesskab",
"Natur") without a developer; audiences are a fixed list because municipal
sites filter on them and need the values to stay stable.
"""

from django.db import models

from home.taxonomy import Term


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


class EventCategory(Term):
    """A kind of event ("Fællesspisning", "Natur"); the slug is used in filters."""

    class Meta(Term.Meta):
        verbose_name = "Begivenhedskategori"
        verbose_name_plural = "Begivenhedskategorier"
