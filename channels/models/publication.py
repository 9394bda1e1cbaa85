"""One story on one channel: the record of intent, attempt and result.

The row is written *before* a platform is called and claimed by exactly one
worker, so a retry, a double click or two workers can never post twice; what
the platform answered (or that the answer was lost) is written back onto it.
Reach is pulled later onto the same record (another app FKs to it).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils import timezone

from channels.platforms.base import PostRecord
from channels.registry import channel_choices
from home.search.languages import language_of

from .lifecycle import (
    DONE,
    HURRIABLE,
    PROBLEMS,
    RETRYABLE,
    WAITING,
    PublicationAction,
    PublicationStatus,
    check,
)

S = PublicationStatus


class PublicationQuerySet(models.QuerySet):
    """Publications by what is happening to them (lifecycle.py names the sets)."""

    def for_alias(self, alias: str) -> PublicationQuerySet:
        return self.filter(channel=alias)

    def live(self) -> PublicationQuerySet:
        """Out on the platform with an id we can reach it by."""
        return self.filter(status=S.PUBLISHED).exclude(external_id="")

    def waiting(self) -> PublicationQuerySet:
        return self.filter(status__in=WAITING)

    def due(self, now: datetime, *, stale_before: datetime) -> PublicationQuerySet:
        """Waiting posts whose time has come, and queued ones nobody took since
        `stale_before` (their task was lost)."""
        return self.filter(
            Q(status__in=[S.QUEUED, S.UNCONFIRMED], next_attempt_at__lte=now)
            | Q(
                status__in=[S.QUEUED, S.UNCONFIRMED],
                next_attempt_at__isnull=True,
                updated_at__lt=stale_before,
            )
            | Q(status=S.SCHEDULED, scheduled_at__lte=now)
        )

    def claimed(self) -> PublicationQuerySet:
        return self.filter(status=S.PUBLISHING)

    def expired_claims(self, before: datetime) -> PublicationQuerySet:
        """Claims whose worker stopped renewing its lease before `before`."""
        return self.claimed().filter(claimed_at__lt=before)

    def failed(self) -> PublicationQuerySet:
        return self.filter(status=S.FAILED)

    def problems(self) -> PublicationQuerySet:
        """What an editor must act on: failed, needs a login, unconfirmed."""
        return self.filter(status__in=PROBLEMS)

    def retryable(self) -> PublicationQuerySet:
        """What the admin offers "Prøv igen" for."""
        return self.filter(status__in=RETRYABLE)

    def hurriable(self) -> PublicationQuerySet:
        """What "Prøv igen" makes due now: the retryable and the queued."""
        return self.filter(status__in=HURRIABLE)

    def not_done(self) -> PublicationQuerySet:
        """Anything on a platform or planned for one (not withdrawn, not cancelled)."""
        return self.exclude(status__in=DONE)

    def move_to(self, target: str, *, sources: Iterable[str | None], **fields: Any) -> int:
        """Move the rows in `sources` to `target` in one conditional UPDATE; the
        number moved. Raises IllegalTransition if a source may not move there."""
        sources = tuple(sources)
        check(sources, target)
        fields.setdefault("updated_at", timezone.now())
        return self.filter(status__in=[s for s in sources if s is not None]).update(
            status=target, **fields
        )


class Publication(models.Model):
    """A page's post on one channel; unique per page and channel."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="publications",
        verbose_name="Side",
        help_text="Empty once the page is deleted: the post's record, its withdrawal and "
        "its reach outlive the page (page_title and page_url say what it was).",
    )
    page_title = models.CharField("Sidens titel", max_length=255, blank=True)
    page_url = models.URLField("Sidens adresse", max_length=500, blank=True)
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

    objects = PublicationQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.page_id} på {self.channel}: {self.get_status_display()}"

    @property
    def story_title(self) -> str:
        """The page's title; a deleted page's as it was, marked so."""
        if self.page_id is None:
            return f"{self.page_title} (slettet)"
        return self.page.title

    def move_to(self, target: str, **fields: Any) -> None:
        """Save the row in `target` with `fields`: the planner's and the editor's way
        to change a status (a worker's claim and outcome use the QuerySet's, guarded
        by its claim). Raises IllegalTransition for a move the table refuses."""
        source = self.status if self.pk else None
        if source != target or self.pk is None:
            check([source], target)
        for name, value in fields.items():
            setattr(self, name, value)
        self.status = target
        self.save()

    def record(self) -> PostRecord:
        """The publication as a platform call sees it (a value; see PostRecord)."""
        return PostRecord(
            publication_id=self.pk,
            alias=self.channel,
            external_id=self.external_id,
            external_url=self.external_url,
            created_at=self.created_at,
            published_at=self.published_at,
            draft=dict(self.draft or {}),
        )

    def save(self, *args, **kwargs):
        # Set once, from the page (every way a post is recorded goes through
        # here); a page never changes its locale.
        if not self.language and self.page_id is not None:
            self.language = language_of(self.page)
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "language"}
        super().save(*args, **kwargs)
