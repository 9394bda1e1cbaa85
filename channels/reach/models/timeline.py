"""Dated notes the secretariat puts on the report's timeline."""

from django.db import models
from wagtail.admin.panels import FieldPanel


class TimelineNote(models.Model):
    """Why a figure moved: a peak or a drop gets its explanation beside it on
    every chart of the report and in the council's PDF."""

    date = models.DateField("Dato")
    text = models.CharField(
        "Note",
        max_length=80,
        help_text="Kort, fx 'Byttemarked', 'Kampagnestart' eller 'Meta skifter til visninger'.",
    )
    details = models.TextField(
        "Uddybning", blank=True, max_length=500, help_text="Vises under grafen i rapporten."
    )

    panels = [FieldPanel("date"), FieldPanel("text"), FieldPanel("details")]

    class Meta:
        verbose_name = "Note på tidslinjen"
        verbose_name_plural = "Noter på tidslinjen"
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y}: {self.text}"
