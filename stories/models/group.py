"""Interest groups ("Grupper"): where residents find a group and lend a hand.

A group page shows what the group is for, who to contact, its coming events
and stories, short progress updates and a task board. The contact person's
e-mail and phone are for the secretariat only: they are never rendered, put
in the API or indexed for search.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.image_moderation import ModeratedImagesPage
from home.languages import danish_listing_page, in_reader_language
from home.readability_panel import LixPanel
from home.visibility import as_queryset
from stories import page_views
from stories.community.forms import GroupContactForm
from stories.recurrence import next_occurrences


class GroupIndexPage(RoutablePageMixin, ModeratedImagesPage, Page):
    """ "Grupper": every interest group, and the general "give a hand" sign-up."""

    intro = models.TextField("Indledning", blank=True, max_length=800)
    volunteer_intro = models.TextField(
        "Tekst over 'Jeg vil gerne give en hånd'",
        blank=True,
        max_length=800,
        default="Har du lyst til at hjælpe, men ved ikke helt med hvad? Skriv dig op, "
        "så spørger en af grupperne dig, når der er brug for en hånd.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("volunteer_intro"),
        LixPanel(("intro", "volunteer_intro")),
    ]
    api_fields = [APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.GroupPage"]
    max_count = 1

    class Meta:
        verbose_name = "Gruppeoversigt"
        verbose_name_plural = "Gruppeoversigter"

    def groups(self):
        # The Danish index's groups in every language; cards show each group in
        # the reader's language (group_cards).
        return (
            GroupPage.objects.child_of(danish_listing_page(self)).live().public().order_by("title")
        )

    def group_cards(self) -> list[dict]:
        """Each group as its card shows it: picture, next event, hands needed."""
        cards = []
        for group in self.groups().select_related("image"):
            coming = [
                occurrence
                for event in as_queryset(group.events).live().public()
                for occurrence in next_occurrences(event, limit=3)
                if not occurrence.is_cancelled
            ]
            cards.append(
                {
                    "group": group,
                    "picture": group.image.get_rendition("fill-480x300") if group.image else None,
                    "next": min(coming, key=lambda o: o.start) if coming else None,
                    "hands": group.hands_needed(),
                }
            )
        for card, shown in zip(cards, in_reader_language([c["group"] for c in cards]), strict=True):
            card["group"] = shown
        return cards

    @path("")
    def listing(self, request):
        return self.render(request)

    @path("giv-en-haand/", name="volunteer")
    def volunteer(self, request):
        return page_views.serve("volunteer", request, self)


# Who may see and edit residents' contact data in the editor (docs/roles.md).
PERSONAL_DATA_PERMISSION = "stories.export_personal_data"


class GroupPage(RoutablePageMixin, ModeratedImagesPage, Page):
    """One interest group: purpose, contact, events, stories, updates and tasks."""

    purpose = models.TextField(
        "Formål",
        max_length=1000,
        help_text="Hvad laver gruppen, og hvem er den for? Et par sætninger.",
    )
    contact_name = models.CharField(
        "Kontaktperson (vises på siden)",
        max_length=120,
        blank=True,
        help_text="Skriv navnet, som personen ønsker det vist – fx kun fornavn.",
    )
    contact_email = models.EmailField(
        "Kontaktpersonens e-mail (vises ikke)",
        blank=True,
        help_text="Kun for sekretariatet. Vises aldrig på sitet.",
    )
    contact_phone = models.CharField(
        "Kontaktpersonens telefon (vises ikke)", max_length=30, blank=True
    )
    contact_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Kontaktpersonens login",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_for_groups",
        help_text="Giver kontaktpersonen adgang til gruppens tilmeldinger i administrationen.",
    )
    events = ParentalManyToManyField(
        "stories.EventPage", verbose_name="Gruppens begivenheder", blank=True, related_name="groups"
    )
    stories = ParentalManyToManyField(
        "stories.StoryPage", verbose_name="Historier om gruppen", blank=True, related_name="groups"
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Billede",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Vises på gruppens kort under Grupper.",
    )
    image_alt = models.CharField(
        "Alternativ tekst",
        max_length=200,
        blank=True,
        help_text="Hvad ser man på billedet? Læses op for blinde og svagsynede.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("purpose"),
        LixPanel(("purpose",)),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading="Billede"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                # Personal data: shown to (and kept from) everyone but the
                # secretariat; a co-editor's save leaves these fields untouched.
                FieldPanel("contact_email", permission=PERSONAL_DATA_PERMISSION),
                FieldPanel("contact_phone", permission=PERSONAL_DATA_PERMISSION),
                FieldPanel("contact_user", permission=PERSONAL_DATA_PERMISSION),
            ],
            heading="Kontakt",
        ),
        FieldPanel("events"),
        FieldPanel("stories"),
        InlinePanel("updates", label="Nyt fra gruppen", heading="Nyt fra gruppen"),
        InlinePanel("tasks", label="Opgave", heading="Opgavetavle"),
    ]
    search_fields = Page.search_fields + [index.SearchField("purpose")]
    # Only what is public: never contact_email, contact_phone or contact_user.
    api_fields = [APIField("purpose"), APIField("contact_name")]
    parent_page_types = ["stories.GroupIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Gruppe"
        verbose_name_plural = "Grupper"

    @path("")
    def detail(self, request):
        return page_views.serve("group", request, self)

    @path("skriv/", name="contact")
    def contact(self, request):
        return page_views.serve("group_contact", request, self)

    @path("opgave/<int:task_id>/", name="task_signup")
    def task_signup(self, request, task_id):
        return page_views.serve("task_signup", request, self, task_id)

    # The signed token rides in the query string: page paths allow only
    # letters, digits and hyphens, and a signature has ":" in it.
    @path("opgave/<int:task_id>/bekraeft/", name="task_confirm")
    def task_confirm(self, request, task_id):
        return page_views.serve("task_confirm", request, self, task_id)

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": "Skriv en alternativ tekst, når der er et billede."}
            )

    def live_stories(self):
        return as_queryset(self.stories).live().public().order_by("-date")[:6]

    def hands_needed(self) -> int:
        """Hands still needed on the open tasks, all told."""
        return sum(max(task.hands_needed - task.taken, 0) for task in self.open_tasks())

    def open_tasks(self):
        """Tasks from today on, with how many hands are still needed."""
        today = timezone.localdate()
        return list(
            as_queryset(self.tasks)
            .filter(date__gte=today)
            .annotate(
                taken=models.Count("signups", filter=models.Q(signups__confirmed_at__isnull=False))
            )
            .order_by("date", "sort_order")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tasks"] = self.open_tasks()
        context["group_updates"] = as_queryset(self.updates).order_by("-date")[:5]
        context.setdefault("contact_form", GroupContactForm())
        return context


class GroupUpdate(Orderable):
    """A short, dated note from the group: "We planted 40 tulips on Saturday"."""

    page = ParentalKey(GroupPage, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField("Dato", default=timezone.localdate)
    text = models.TextField("Hvad er der sket?", max_length=600)

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = "Nyt fra gruppen"
        verbose_name_plural = "Nyt fra gruppen"


class GroupTask(Orderable):
    """A job on the task board: "3 til at grille" on a given day.

    How many have signed up is counted from `TaskSignup` rows rather than kept
    in a counter here, because publishing an older revision of the page would
    otherwise write an old count back.
    """

    page = ParentalKey(GroupPage, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(
        "Opgave", max_length=120, help_text="Fx 'til at grille' eller 'til plakater'."
    )
    date = models.DateField("Dato")
    hands_needed = models.PositiveSmallIntegerField("Antal hænder", default=1)
    description = models.CharField("Mere om opgaven", max_length=300, blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("date"),
        FieldPanel("hands_needed"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Opgave"
        verbose_name_plural = "Opgaver"

    def __str__(self):
        return f"{self.hands_needed} {self.title} ({self.date:%d.%m.%Y})"

    @property
    def still_needed(self) -> int:
        taken = getattr(self, "taken", None)
        if taken is None:
            taken = self.signups.filter(confirmed_at__isnull=False).count()
        return max(self.hands_needed - taken, 0)
