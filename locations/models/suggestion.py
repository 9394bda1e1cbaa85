"""Residents' suggestions: the secretariat's inbox for new places and corrections."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class SuggestionKind(models.TextChoices):
    NEW_PLACE = "nyt", "Nyt sted"
    CORRECTION = "rettelse", "Rettelse"


class PlaceSuggestion(models.Model):
    """One suggestion from a resident, kept apart from the pages themselves.

    A new place also becomes an unpublished draft PlacePage (linked here) that goes
    through moderation. A correction never touches the place page: saving it as a new
    revision would overwrite whatever draft an editor has open, and a second page
    "Rettelse: …" could be published by mistake as a duplicate place. So a correction
    is only this record; an editor reads it, edits the place and marks it handled.
    The submitter's contact details stay here, never on the public page.
    """

    kind = models.CharField("Type", max_length=10, choices=SuggestionKind.choices)
    place = models.ForeignKey(
        "locations.PlacePage",
        verbose_name="Sted",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggestions",
        help_text="Kladden til et nyt sted eller stedet, rettelsen gælder.",
    )
    place_name = models.CharField("Stedets navn", max_length=255)
    message = models.TextField("Forslag", blank=True)
    submitter_name = models.CharField("Indsendt af", max_length=120, blank=True)
    submitter_email = models.EmailField("Indsenderens e-mail", blank=True)
    created_at = models.DateTimeField("Modtaget", auto_now_add=True)
    is_handled = models.BooleanField("Behandlet", default=False)
    editor_note = models.TextField("Note fra sekretariatet", blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("kind", read_only=True),
                FieldPanel("place"),
                FieldPanel("place_name", read_only=True),
                FieldPanel("message", read_only=True),
                FieldPanel("submitter_name", read_only=True),
                FieldPanel("submitter_email", read_only=True),
            ],
            heading="Forslaget",
        ),
        FieldPanel("is_handled"),
        FieldPanel("editor_note"),
    ]

    class Meta:
        verbose_name = "Forslag fra borger"
        verbose_name_plural = "Forslag fra borgere"
        ordering = ["is_handled", "-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.place_name}"
