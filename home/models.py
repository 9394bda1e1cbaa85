from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page

HOME_STORY_COUNT = 6


class HomePage(Page):
    """The front page: a short welcome and the newest stories."""

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

    def get_context(self, request, *args, **kwargs):
        # Imported here: stories depends on home, not the other way round.
        from stories.models import StoryIndexPage
        from stories.newest import newest_stories

        context = super().get_context(request, *args, **kwargs)
        context["newest_stories"] = newest_stories(self, HOME_STORY_COUNT)
        context["story_index"] = StoryIndexPage.objects.child_of(self).live().first()
        return context


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
