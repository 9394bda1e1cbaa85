"""One story on one channel: the record of intent, attempt and result.

The row is written *before* a platform is called and claimed by exactly one
worker, so a retry, a double click or two workers can never post twice; what
the platform answered (or that the answer was lost) is written back onto it.
Reach is pulled later onto the same record (another app FKs to it).
"""

from django.db import models

from channels.platforms import channel_choices
from home.search.languages import language_of


class PublicationStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Planlagt"
    QUEUED = "queued", "I kø"
    PUBLISHING = "publishing", "Sendes nu"
    PUBLISHED = "published", "Udgivet"
    UNCONFIRMED = "unconfirmed", "Ubekræftet (tjekkes)"
    FAILED = "failed", "Fejlet"
    NEEDS_LOGIN = "needs_login", "Kræver nyt login"
    WITHDRAWN = "withdrawn", "Trukket tilbage"
    CANCELLED = "cancelled", "Annulleret"
    NOT_CONFIGURED = "not_configured", "Ikke sat op"
    MANUAL = "manual", "Klar til manuel deling"


class PublicationAction(models.TextChoices):
    """What the next attempt must do on the platform."""

    PUBLISH = "publish", "Udgiv"
    UPDATE = "update", "Opdater"
    WITHDRAW = "withdraw", "Træk tilbage"


class Publication(models.Model):
    """A page's post on one channel; unique per page and channel."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="publications",
        verbose_name="Side",
    )
    channel = models.CharField("Kanal", max_length=32, db_index=True, choices=channel_choices)
    language = models.CharField(
        "Sprog",
        max_length=20,
        blank=True,
        editable=False,
        help_text="The language code of the page's locale when the post was planned "
        "(a translation is a page of its own), so reach is reported per language.",
    )
    status = models.CharField(
        "Status",
        max_length=20,
        choices=PublicationStatus.choices,
        default=PublicationStatus.QUEUED,
        db_index=True,
    )
    action = models.CharField(
        "Handling", max_length=10, choices=PublicationAction.choices, default="publish"
    )
    external_id = models.CharField("Id på platformen", max_length=200, blank=True)
    external_url = models.URLField("Link til opslaget", max_length=500, blank=True)
    scheduled_at = models.DateTimeField("Planlagt til", null=True, blank=True)
    published_at = models.DateTimeField("Udgivet", null=True, blank=True)
    attempts = models.PositiveIntegerField("Forsøg", default=0)
    next_attempt_at = models.DateTimeField("Næste forsøg", null=True, blank=True)
    last_error = models.TextField("Seneste fejl", blank=True)
    trace_id = models.CharField("Sporings-id", max_length=100, blank=True)
    fix_field = models.CharField(
        "Felt at rette",
        max_length=100,
        blank=True,
        help_text="Where in the page editor the last error is fixed "
        "(channels.platforms.base.FIELD_HELP); empty when no field can fix it.",
    )
    notice = models.TextField(
        "Bemærkning", blank=True, help_text="Fx at platformen ikke tillader at rette opslaget."
    )
    idempotency_key = models.CharField("Idempotens-nøgle", max_length=64, blank=True)
    claim_token = models.CharField(max_length=64, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    enqueued_for = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the task handed to the queue is due; cleared when a worker takes it. "
        "While set, the clock does not enqueue the post again.",
    )
    payload_hash = models.CharField(max_length=64, blank=True)
    draft = models.JSONField(
        default=dict,
        blank=True,
        help_text="Platform state between steps, e.g. an Instagram container id.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Udgivelse på kanal"
        verbose_name_plural = "Udgivelser på kanaler"
        constraints = [
            models.UniqueConstraint(fields=["page", "channel"], name="channels_one_per_channel")
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.page_id} på {self.channel}: {self.get_status_display()}"

    def save(self, *args, **kwargs):
        # Set once, from the page (every way a post is recorded goes through
        # here); a page never changes its locale.
        if not self.language and self.page_id is not None:
            self.language = language_of(self.page)
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "language"}
        super().save(*args, **kwargs)
