"""Photo calls: "Min sommer i Ishøj", old pictures for the local-history exhibition.

The secretariat opens a call; residents send photos with a caption and their
consent; each photo waits as a `PhotoSubmission` until the secretariat approves
it, and the approved ones make the page a gallery.
"""

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from home.image_moderation import ModeratedImagesPage
from home.readability_panel import LixPanel
from stories import page_views

from .contributions import PhotoStatus


class PhotoCallPage(RoutablePageMixin, ModeratedImagesPage, Page):
    """One photo call and, once photos are approved, its gallery."""

    intro = models.TextField(
        "Hvad skal billederne vise?",
        max_length=1000,
        help_text="Fx 'Send os dit bedste billede fra sommeren i Ishøj'.",
    )
    is_open = models.BooleanField(
        "Åben for billeder", default=True, help_text="Fjern krydset, når indkaldelsen lukker."
    )
    closes_on = models.DateField("Sidste frist", null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        LixPanel(("intro",)),
        FieldPanel("is_open"),
        FieldPanel("closes_on"),
    ]
    api_fields = [APIField("intro"), APIField("is_open"), APIField("closes_on")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "Fotoindkaldelse"
        verbose_name_plural = "Fotoindkaldelser"

    @property
    def accepting(self) -> bool:
        return self.is_open and (self.closes_on is None or self.closes_on >= timezone.localdate())

    def approved_photos(self):
        return (
            self.submissions.filter(status=PhotoStatus.APPROVED)
            .select_related("image")
            .order_by("-reviewed_at", "-pk")
        )

    @path("")
    def gallery(self, request):
        return page_views.serve("photo_call", request, self)
