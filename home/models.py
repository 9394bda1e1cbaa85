from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page


class HomePage(Page):
    """The front page, the residents' hub: what happens this week, tasks that need
    hands, the newest stories, the map and the ways to take part.

    Each part comes from the app that owns it through a template tag its
    template loads (stories_hub, locations_hub): home imports neither app.
    """

    intro = models.TextField(
        "Velkomsttekst",
        max_length=500,
        blank=True,
        help_text="Et par linjer om Vores Ishøj øverst på forsiden.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "Forside"
        verbose_name_plural = "Forsider"


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """What the secretariat can change about the site without a developer."""

    accessibility_statement_url = models.URLField(
        "Link til tilgængelighedserklæring",
        default="https://www.was.digst.dk/voresishoj-dk",
        help_text="Den offentlige tilgængelighedserklæring (Webtilgængelighedsloven). "
        "Vises i sidefoden og på /was.",
    )
    contact_email = models.EmailField("Sekretariatets e-mail", default="voresishoj@ishoj.dk")
    facebook_group_url = models.URLField(
        "Facebook-gruppen 'Vores Ishøj'",
        blank=True,
        default="https://www.facebook.com/groups/voresishoj",
    )
    footer_text = models.CharField(
        "Tekst i sidefoden",
        max_length=250,
        blank=True,
        default="Vores Ishøj fortæller de gode historier om mennesker, der mødes på tværs.",
    )

    panels = [
        FieldPanel("accessibility_statement_url"),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("facebook_group_url"),
                FieldPanel("footer_text"),
            ],
            heading="Kontakt og sidefod",
        ),
    ]

    class Meta:
        verbose_name = "Indstillinger for sitet"
