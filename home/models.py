from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page, Site

from home.image_moderation import ModeratedImagesPage

# The app's other models, one module per concept.
from home.participation_models import (  # noqa: F401
    Contribution,
    ContributionKind,
    ContributionStatus,
    StandardAnswer,
)
from home.readability_panel import LixPanel


class HomePage(ModeratedImagesPage, Page):
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

    content_panels = Page.content_panels + [FieldPanel("intro"), LixPanel(("intro",))]
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
    answer_target_days = models.PositiveSmallIntegerField(
        "Svartid for borgernes indsendelser (dage)",
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text="Så mange dage må en borger højst vente på svar på en historie, "
        "en opskrift, et billede eller et forslag. Ventende indsendelser, der er "
        "ældre, står øverst på forsiden af adminområdet.",
    )
    lix_target = models.PositiveSmallIntegerField(
        "Mål for LIX",
        default=35,
        validators=[MinValueValidator(10), MaxValueValidator(70)],
        help_text="Danske tekster bør højst have denne LIX (læsbarhedstal). Redaktøren ser "
        "tekstens LIX, mens hun skriver. Under 25 er meget let, 25-34 let, 35-44 middel, "
        "45-54 svær og 55 eller mere meget svær.",
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
        FieldPanel("answer_target_days"),
        FieldPanel("lix_target", heading="Klart dansk"),
    ]

    class Meta:
        verbose_name = "Indstillinger for sitet"


class ShortLinkQuerySet(models.QuerySet):
    def for_page(self, page: Page, source: str, tags: dict[str, str]) -> "ShortLink":
        """The page's short link for `source`, made on first use with the tags
        its visits carry (e.g. the Instagram channel's UTM tags)."""
        link = self.filter(page=page, source=source).first()
        if link is None:
            try:
                with transaction.atomic():
                    link = self.create(page=page, source=source, code=new_short_code(), tags=tags)
            except IntegrityError:  # made at the same moment by another worker
                link = self.get(page=page, source=source)
        return link

    def url_for(self, page: Page, source: str, tags: dict[str, str]) -> str:
        """The page's short address for `source` in full (https://host/k/abc23),
        on the page's own site, for text that cannot carry a clickable link."""
        site = page.get_site() or Site.objects.filter(is_default_site=True).first()
        root = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
        return f"{root.rstrip('/')}{self.for_page(page, source, tags).path()}"


SHORT_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read off paper
SHORT_CODE_LENGTH = 5


def new_short_code() -> str:
    import secrets

    while True:
        code = "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(SHORT_CODE_LENGTH))
        if not ShortLink.objects.filter(code=code).exists():
            return code


class ShortLink(models.Model):
    """A short address on the portal's own domain (/k/abc23) for one page and one
    place it is shared: Instagram, where links in captions cannot be clicked,
    and the printed poster. It sends the visitor to the page with the tags that
    credit the visit to that source in reach."""

    code = models.CharField("Kode", max_length=16, unique=True)
    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="short_links", verbose_name="Side"
    )
    source = models.CharField("Kilde", max_length=20)
    tags = models.JSONField("Sporingsmærker", default=dict, blank=True)
    created_at = models.DateTimeField("Oprettet", auto_now_add=True)

    objects = ShortLinkQuerySet.as_manager()

    class Meta:
        verbose_name = "Kort adresse"
        verbose_name_plural = "Korte adresser"
        constraints = [
            models.UniqueConstraint(fields=["page", "source"], name="one_short_link_per_source")
        ]

    def __str__(self) -> str:
        return f"/k/{self.code}"

    def path(self) -> str:
        return f"/k/{self.code}"
