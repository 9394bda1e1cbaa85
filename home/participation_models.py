"""A resident's submission as the resident follows it, and the secretariat's
standard answers.

Every kind of submission (story, recipe, photo, event, place) gets one
`Contribution` when it arrives, through home.participation. It holds nothing
personal: who sent it stays on the kind's own record (StorySubmission,
PhotoSubmission, EventSubmission, PlaceSuggestion), which it points to, so an
erasure or the retention purge there reaches the mails sent from here too.
The row outlives the erasure, so the council's counts of participation stay
true.
"""

from __future__ import annotations

import secrets

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

from home import retention


class ContributionKind(models.TextChoices):
    STORY = "historie", "Historie"
    RECIPE = "opskrift", "Mad med historie"
    PHOTO = "billede", "Billede"
    EVENT = "begivenhed", "Begivenhed"
    PLACE = "sted", "Sted"


class ContributionStatus(models.TextChoices):
    RECEIVED = "modtaget", "Modtaget"
    IN_REVIEW = "behandles", "Under behandling"
    PUBLISHED = "udgivet", "Udgivet"
    REJECTED = "afvist", "Afvist"
    WITHDRAWN = "trukket", "Trukket tilbage"


S = ContributionStatus
TRANSITIONS: dict[str, tuple[str, ...]] = {
    S.IN_REVIEW: (S.RECEIVED,),
    S.PUBLISHED: (S.RECEIVED, S.IN_REVIEW, S.REJECTED),
    S.REJECTED: (S.RECEIVED, S.IN_REVIEW),
    S.WITHDRAWN: (S.RECEIVED, S.IN_REVIEW),
}
"""Which statuses each status may follow. A published or withdrawn submission
is settled; a rejected one can still be published if the secretariat changes
its mind."""

ANSWERS = (S.PUBLISHED, S.REJECTED)
"""The statuses that answer a resident (time to an answer ends at the first)."""

WAITING = (S.RECEIVED, S.IN_REVIEW)

TOKEN_BYTES = 32


def new_token() -> str:
    """256 random bits, URL-safe: not guessable, not enumerable."""
    return secrets.token_urlsafe(TOKEN_BYTES)


class ContributionQuerySet(models.QuerySet):
    def waiting(self):
        """Sent and not yet answered: the secretariat's queue, oldest first."""
        return self.filter(status__in=WAITING).order_by("received_at", "pk")

    def followable(self, now=None):
        """Links that still open: a link expires with the personal data of its
        submission (PERSONAL_DATA_RETENTION["submissions"] after it was sent)."""
        return self.filter(received_at__gte=retention.cutoff("submissions", now))

    def for_record(self, record):
        return self.filter(
            record_type=ContentType.objects.get_for_model(record), record_id=record.pk
        )

    def for_page(self, page_id: int):
        return self.filter(page_id=page_id)


class Contribution(models.Model):
    """One submission from a resident, as the resident follows it by its link."""

    token = models.CharField("Link-nøgle", max_length=64, unique=True, default=new_token)
    kind = models.CharField("Type", max_length=20, choices=ContributionKind.choices)
    title = models.CharField("Titel", max_length=255)
    status = models.CharField(
        "Status",
        max_length=20,
        choices=ContributionStatus.choices,
        default=ContributionStatus.RECEIVED,
        db_index=True,
    )
    received_at = models.DateTimeField("Modtaget", default=timezone.now, db_index=True)
    status_changed_at = models.DateTimeField("Status ændret", default=timezone.now)
    answered_at = models.DateTimeField(
        "Besvaret",
        null=True,
        blank=True,
        help_text="Første gang indsendelsen blev udgivet eller afvist.",
    )
    reason = models.TextField(
        "Begrundelse til borgeren",
        blank=True,
        max_length=2000,
        help_text="Borgeren ser den på sit opfølgningslink og i mailen om afslaget.",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Side",
        help_text="Kladden, siden den blev til, eller siden den hører til.",
    )
    becomes_page = models.BooleanField(
        "Bliver til siden",
        default=True,
        help_text="Siden er selve indsendelsen (en kladde, der udgives). Ellers er den "
        "fotoindkaldelsen eller stedet, indsendelsen hører til.",
    )
    record_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    record_id = models.PositiveBigIntegerField(null=True, blank=True)
    record = GenericForeignKey("record_type", "record_id")
    """The kind's own record, which holds who sent it."""
    language = models.CharField(
        "Sprog",
        max_length=10,
        default="da",
        help_text="Det sprog, borgeren skrev på. Mails og opfølgningssiden bruger det.",
    )
    """The reader's language when it was sent (the URL's prefix): every later
    mail about it, the clock's "Under behandling" too, is written in it."""
    notified_status = models.CharField(
        "Sidst meddelt status", max_length=20, blank=True, editable=False
    )

    objects = ContributionQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        verbose_name = "Borgerindsendelse"
        verbose_name_plural = "Borgerindsendelser"
        indexes = [models.Index(fields=["record_type", "record_id"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def is_waiting(self) -> bool:
        return self.status in WAITING

    def age_days(self, now=None) -> int:
        return ((now or timezone.now()) - self.received_at).days

    def move_to(self, status: str, *, reason: str = "", page=None, now=None) -> bool:
        """The one writer of the status: moves only along TRANSITIONS, in one
        conditional UPDATE, so two signals for the same decision change it once.
        True when this call changed it."""
        now = now or timezone.now()
        updates: dict = {"status": status, "status_changed_at": now}
        if status in ANSWERS:
            updates["answered_at"] = Coalesce(models.F("answered_at"), models.Value(now))
        if status == S.REJECTED:
            updates["reason"] = reason.strip()
        if page is not None:
            updates["page"] = page
        changed = (
            type(self)
            .objects.filter(pk=self.pk, status__in=TRANSITIONS.get(status, ()))
            .update(**updates)
        )
        self.refresh_from_db()
        return bool(changed)

    def claim_notice(self) -> bool:
        """True exactly once per status: the caller may now mail the resident."""
        claimed = (
            type(self)
            .objects.filter(pk=self.pk, status=self.status)
            .exclude(notified_status=self.status)
            .update(notified_status=self.status)
        )
        return bool(claimed)


class StandardAnswer(models.Model):
    """A reply the secretariat often gives, chosen when answering a resident and
    edited before it is sent; a snippet so the secretariat keeps its own wording."""

    title = models.CharField(
        "Navn", max_length=100, help_text="Kun til sekretariatet, fx 'Ikke fra Ishøj'."
    )
    text = models.TextField(
        "Svar til borgeren",
        max_length=2000,
        help_text="Skriv, som du ville skrive til borgeren: kort, venligt og med grunden.",
    )
    sort_order = models.PositiveSmallIntegerField("Rækkefølge", default=0)

    panels = [FieldPanel("title"), FieldPanel("text"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "title"]
        verbose_name = "Standardsvar"
        verbose_name_plural = "Standardsvar"

    def __str__(self) -> str:
        return self.title
