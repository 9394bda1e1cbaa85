"""What residents send in: task sign-ups, "give a hand", stories, recipes, photos.

Every model here holds personal data (a name and a way to reach the person).
None of it is ever rendered on a public page, put in the API or the feeds, or
indexed for search. The secretariat sees it in the admin, a group's contact
person sees the sign-ups for their own group, and `purge_personal_data`
erases it after the periods of PERSONAL_DATA_RETENTION (shown on /privatliv).
"""

from django.db import models


class TaskSignup(models.Model):
    """A resident who takes a task on a group's task board."""

    task = models.ForeignKey(
        "stories.GroupTask", on_delete=models.CASCADE, related_name="signups", verbose_name="Opgave"
    )
    name = models.CharField("Navn", max_length=120)
    contact = models.CharField("E-mail eller telefon", max_length=254)
    consent = models.BooleanField("Samtykke givet", default=False)
    created_at = models.DateTimeField("Tilmeldt", auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(
        "Bekræftet",
        null=True,
        blank=True,
        help_text="Når personen trykkede på linket i bekræftelsesmailen. Først da tager "
        "tilmeldingen en plads.",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "Tilmelding til opgave"
        verbose_name_plural = "Tilmeldinger til opgaver"
        permissions = [("export_personal_data", "Kan eksportere og slette persondata")]

    def __str__(self):
        return f"{self.name} – {self.task.title}"


class VolunteerSignup(models.Model):
    """ "Jeg vil gerne give en hånd": someone who wants to be asked when help is needed."""

    name = models.CharField("Navn", max_length=120)
    contact = models.CharField("E-mail eller telefon", max_length=254)
    interests = models.TextField("Hvad har du lyst til?", blank=True, max_length=1000)
    groups = models.ManyToManyField(
        "stories.GroupPage", blank=True, related_name="volunteers", verbose_name="Grupper"
    )
    consent = models.BooleanField("Samtykke givet", default=False)
    created_at = models.DateTimeField("Tilmeldt", auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "Frivillig"
        verbose_name_plural = "Frivillige"

    def __str__(self):
        return self.name


class SubmissionKind(models.TextChoices):
    STORY = "historie", "Historie"
    RECIPE = "opskrift", "Mad med historie"


class StorySubmission(models.Model):
    """Who sent a story or a recipe; the text itself is the draft StoryPage."""

    page = models.OneToOneField(
        "stories.StoryPage",
        on_delete=models.CASCADE,
        related_name="submission",
        verbose_name="Historie",
    )
    kind = models.CharField("Type", max_length=20, choices=SubmissionKind.choices)
    name = models.CharField("Navn", max_length=120, blank=True)
    email = models.EmailField("E-mail", blank=True)
    message = models.TextField("Besked til sekretariatet", blank=True, max_length=2000)
    created_at = models.DateTimeField("Indsendt", auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "Indsendt historie"
        verbose_name_plural = "Indsendte historier"

    def __str__(self):
        return f"{self.page.title} ({self.get_kind_display()})"


class PhotoStatus(models.TextChoices):
    PENDING = "afventer", "Afventer godkendelse"
    APPROVED = "godkendt", "Godkendt"
    REJECTED = "afvist", "Afvist"


class PhotoSubmission(models.Model):
    """A photo sent to a photo call, waiting for (or past) the secretariat's review."""

    call = models.ForeignKey(
        "stories.PhotoCallPage",
        on_delete=models.CASCADE,
        related_name="submissions",
        verbose_name="Fotoindkaldelse",
    )
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name="Billede"
    )
    caption = models.CharField("Billedtekst", max_length=300)
    photographer = models.CharField(
        "Fotograf (vises som angivet)",
        max_length=120,
        help_text="Vises under billedet præcis som fotografen har skrevet det.",
    )
    email = models.EmailField("E-mail", blank=True)
    consent = models.BooleanField("Samtykke til offentliggørelse", default=False)
    status = models.CharField(
        "Status", max_length=20, choices=PhotoStatus.choices, default=PhotoStatus.PENDING
    )
    created_at = models.DateTimeField("Indsendt", auto_now_add=True, db_index=True)
    reviewed_at = models.DateTimeField("Behandlet", null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "Indsendt billede"
        verbose_name_plural = "Indsendte billeder"

    def __str__(self):
        return self.caption
