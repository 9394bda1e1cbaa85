"""The private half of a resident's event suggestion."""

from django.db import models


class EventSubmission(models.Model):
    """Who suggested an event through the public form.

    Kept off the page on purpose: the submitter's name and e-mail are personal
    data and must never be rendered, indexed or exposed by the API and feeds.
    """

    page = models.OneToOneField(
        "stories.EventPage",
        on_delete=models.CASCADE,
        related_name="submission",
        verbose_name="Begivenhed",
    )
    name = models.CharField("Navn", max_length=150)
    email = models.EmailField("E-mail")
    message = models.TextField("Besked til sekretariatet", blank=True, max_length=2000)
    created_at = models.DateTimeField("Indsendt", auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "Forslag til begivenhed"
        verbose_name_plural = "Forslag til begivenheder"

    def __str__(self):
        # Without the submitter's name: Wagtail shows this string in choosers,
        # bulk-action lists and logs that other roles can reach.
        return f"Forslag: {self.page.title}"
