"""What the council evaluates: marks on stories and the targets set for a year."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from home.text import MONTHS_DA


class StoryEvaluation(models.Model):
    """The two evaluation marks of a story, kept beside the page, not on it.

    The story pages belong to the stories app; reach only annotates them.
    """

    story = models.OneToOneField(
        "stories.StoryPage",
        verbose_name="Historie",
        on_delete=models.CASCADE,
        related_name="evaluation",
    )
    is_branding_story = models.BooleanField(
        "Brandinghistorie for 'Alt ligger på vejen hjem'", default=False
    )
    picked_up_by_press = models.BooleanField(
        "Taget op af regionale eller landsdækkende medier", default=False
    )

    panels = [
        FieldPanel("story"),
        FieldPanel("is_branding_story"),
        FieldPanel("picked_up_by_press"),
    ]

    class Meta:
        verbose_name = "Evaluering af historie"
        verbose_name_plural = "Evaluering af historier"

    def __str__(self) -> str:
        return str(self.story)


@register_setting(icon="doc-full")
class EvaluationTargets(BaseSiteSetting):
    """The targets the council set, so the report shows progress against them."""

    launch_date = models.DateField(
        "Portalen gik i luften",
        null=True,
        blank=True,
        help_text="Målet om brugere gælder portalens første år, regnet fra denne dag. "
        "Tomt: den første dag, portalen talte læsere.",
    )
    evaluation_year_start = models.PositiveSmallIntegerField(
        "Evalueringsåret begynder",
        choices=[(n, f"1. {name}") for n, name in enumerate(MONTHS_DA, start=1)],
        default=1,
        help_text="Rapporten viser som udgangspunkt det seneste hele evalueringsår, og "
        "målene for historier og presse gælder ét evalueringsår.",
    )
    people_threshold = models.PositiveIntegerField(
        "Et opslag har nået mange, når det er vist for mindst",
        default=1000,
        help_text="Personer eller konti. Rapporten viser, hvor stor en andel af historiernes "
        "opslag der nåede så mange.",
    )
    users_target = models.PositiveIntegerField(
        "Brugere på voresishoj.dk inden for et år",
        default=500,
        help_text="Forskellige personer, der har brugt portalen i løbet af et år.",
    )
    branding_stories_min = models.PositiveIntegerField("Brandinghistorier, mindst", default=20)
    branding_stories_max = models.PositiveIntegerField("Brandinghistorier, højst", default=25)
    press_stories_min = models.PositiveIntegerField(
        "Historier i regionale/landsdækkende medier, mindst", default=3
    )
    press_stories_max = models.PositiveIntegerField(
        "Historier i regionale/landsdækkende medier, højst", default=5
    )
    group_members_target = models.PositiveIntegerField(
        "Medlemmer af Facebook-gruppen",
        null=True,
        blank=True,
        help_text="Lad feltet stå tomt, hvis der ikke er sat et mål. Tallet selv indtastes "
        "under Rækkevidde → Manuelle tal.",
    )
    goals_source = models.CharField(
        "Hvor målene kommer fra",
        max_length=250,
        default="Kommunens beskrivelse af Vores Ishøj: »Arbejdsopgaver og produkter«",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("launch_date"), FieldPanel("evaluation_year_start")],
            heading="Perioder",
        ),
        FieldPanel("users_target"),
        MultiFieldPanel(
            [FieldPanel("branding_stories_min"), FieldPanel("branding_stories_max")],
            heading="Brandinghistorier for 'Alt ligger på vejen hjem'",
        ),
        MultiFieldPanel(
            [FieldPanel("press_stories_min"), FieldPanel("press_stories_max")],
            heading="Presse",
        ),
        FieldPanel("group_members_target"),
        FieldPanel("people_threshold"),
        FieldPanel("goals_source"),
    ]

    class Meta:
        verbose_name = "Mål for evalueringen"
