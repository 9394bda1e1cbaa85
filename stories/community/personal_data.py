"""Residents' personal data: who may see it, export on request, erase, retention.

Covers everything residents leave through public forms: task sign-ups,
"give a hand", story/recipe and photo submissions, and the event and place
suggestions of the other forms. The sources are listed once (`SOURCES`), so
export, erase and the retention purge can never disagree about what exists.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, TaskState, WorkflowState

from home import retention
from home.roles import is_secretariat
from home.spreadsheets import csv_cell
from stories.models.contributions import TaskSignup


@dataclass(frozen=True)
class Source:
    """One model holding residents' personal data."""

    label: str
    model: str
    """app_label.ModelName"""
    contact_fields: tuple[str, ...]
    """Fields that identify the person (exported, blanked or deleted)."""
    email_fields: tuple[str, ...]
    """The fields a look-up compares with the e-mail address, exactly. Never a
    name: many residents share a name, and an erase must hit one person only."""
    extra_fields: tuple[str, ...]
    """Other fields exported with them, so the resident sees the whole record."""
    erase: str
    """"delete" the row, or "blank" the contact fields (when the row is the public
    content's link to its draft or photo, e.g. a submitted story)."""
    created: str = "created_at"
    private_notes: tuple[str, ...] = ()
    """Free text only the secretariat reads, blanked along with the contact fields."""
    phone_fields: tuple[str, ...] = ()
    """The fields a look-up compares with a phone number, normalised on both sides
    ("+45 12 34 56 78" is "12345678"): residents write theirs in every way."""

    def queryset(self):
        return apps.get_model(self.model)._default_manager.all()

    def matching(self, contact: str):
        """Records naming this contact; `contact` must come from normalise_contact:
        an e-mail address (compared case-insensitively, in full) or a phone number
        (compared digit for digit after normalising)."""
        if "@" not in contact:
            return self._matching_phone(contact)
        query = Q()
        for name in self.email_fields:
            query |= Q(**{f"{name}__iexact": contact})
        return self.queryset().filter(query)

    def _matching_phone(self, phone: str):
        if not self.phone_fields:
            return self.queryset().none()
        # Stored as typed ("12 34 56 78", "+45-12345678"), so compared in Python;
        # a field holding an e-mail address is never a phone number.
        query = Q()
        for name in self.phone_fields:
            query |= ~Q(**{f"{name}__contains": "@"})
        candidates = self.queryset().filter(query).values_list("pk", *self.phone_fields)
        ids = [pk for pk, *values in candidates if phone in map(normalise_phone, values)]
        return self.queryset().filter(pk__in=ids)


SOURCES = (
    Source("Tilmelding til opgave", "stories.TaskSignup", ("name", "contact"), ("contact",),
           ("task__title", "task__date", "task__page__title"), "delete",
           phone_fields=("contact",)),
    Source("Frivillig", "stories.VolunteerSignup", ("name", "contact"), ("contact",),
           ("interests",), "delete", phone_fields=("contact",)),
    Source("Indsendt historie/opskrift", "stories.StorySubmission", ("name", "email"),
           ("email",), ("kind", "message", "page__title"), "blank", private_notes=("message",)),
    Source("Indsendt billede", "stories.PhotoSubmission", ("email",), ("email",),
           ("photographer", "caption", "call__title"), "blank"),
    Source("Forslag til begivenhed", "stories.EventSubmission", ("name", "email"), ("email",),
           ("message", "page__title"), "blank", private_notes=("message",)),
    Source("Forslag til sted", "locations.PlaceSuggestion", ("submitter_name", "submitter_email"),
           ("submitter_email",), ("message", "place_name"), "blank"),
)  # fmt: skip

NOT_AN_ADDRESS = (
    "Skriv en hel e-mailadresse, fx navn@example.dk, eller et helt telefonnummer, fx "
    "+45 12 34 56 78. Værktøjet søger kun på præcise adresser og numre – aldrig på navne "
    "eller dele af en adresse – så en sletning kun rammer én person."
)
PHONE_SEPARATORS = str.maketrans("", "", " -./()\u00a0")


def normalise_phone(raw: str | None) -> str | None:
    """A phone number as digits, the Danish country code dropped: "+45 12 34 56 78",
    "0045 12345678" and "12 34 56 78" are all "12345678"; a foreign number keeps
    its country code ("+46701234567"). None for anything that is not a whole
    number of 8 to 15 digits (a fragment must never match, see NOT_AN_ADDRESS)."""
    text = (raw or "").strip().translate(PHONE_SEPARATORS)
    if text.startswith("00"):
        text = "+" + text[2:]
    plus = text.startswith("+")
    digits = text[1:] if plus else text
    if not (digits.isascii() and digits.isdigit()) or not 8 <= len(digits) <= 15:
        return None
    if plus and digits.startswith("45") and len(digits) == 10:
        return digits[2:]
    if plus:
        return "+" + digits
    return digits


def normalise_contact(raw: str | None) -> str | None:
    """An e-mail address (normalise_email) or a phone number (normalise_phone)."""
    return normalise_email(raw) or normalise_phone(raw)


def normalise_email(raw: str | None) -> str | None:
    """The address trimmed and lower-cased if it is one whole, valid e-mail
    address; None for a name, a fragment ("anna", "@example.dk") or anything else."""
    email = (raw or "").strip().lower()
    if not email or len(email) > 254:
        return None
    try:
        validate_email(email)
    except ValidationError:
        return None
    return email


def can_manage_personal_data(user) -> bool:
    return bool(user and user.is_active and user.has_perm("stories.export_personal_data"))


def _exists(source: Source) -> bool:
    try:
        apps.get_model(source.model)
    except LookupError:
        return False
    return True


def _row(source: Source, obj) -> dict:
    row = {"kilde": source.label, "id": obj.pk}
    for name in source.contact_fields + source.extra_fields:
        value = obj
        for part in name.split("__"):
            value = getattr(value, part, None) if value is not None else None
        row[name] = value.isoformat() if hasattr(value, "isoformat") else value
    created = getattr(obj, source.created, None)
    row["oprettet"] = created.isoformat() if created else None
    return row


def find_by_email(raw: str) -> list[dict]:
    """Every record that names this e-mail address (case-insensitive, exact) or
    phone number (normalised); nothing at all for text that is neither, whole."""
    email = normalise_contact(raw)
    if email is None:
        return []
    rows = []
    for source in SOURCES:
        if _exists(source):
            rows.extend(_row(source, obj) for obj in source.matching(email))
    return rows


def per_source(rows: list[dict]) -> list[tuple[str, int]]:
    """How many records each source holds, in SOURCES order, shown before an erase."""
    counts = {source.label: 0 for source in SOURCES}
    for row in rows:
        counts[row["kilde"]] += 1
    return list(counts.items())


def to_json(rows: list[dict]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2, default=str)


def to_csv(rows: Iterable[dict]) -> str:
    rows = list(rows)
    keys: list[str] = []
    for row in rows:
        keys.extend(k for k in row if k not in keys)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=keys or ["kilde"])
    writer.writeheader()
    writer.writerows({key: csv_cell(value) for key, value in row.items()} for row in rows)
    return buffer.getvalue()


def _blank(source: Source, queryset, extra: dict | None = None) -> int:
    model = apps.get_model(source.model)
    updates = dict(extra or {})
    for name in source.contact_fields:
        field = model._meta.get_field(name)
        updates[name] = "" if isinstance(field, models.CharField | models.TextField) else None
    for name in source.private_notes:
        updates[name] = ""
    return queryset.update(**updates)


@transaction.atomic
def erase_by_email(raw: str) -> int:
    """Delete or blank every record naming this e-mail or phone number; returns
    how many. Text that is not a whole address or number erases nothing."""
    email = normalise_contact(raw)
    if email is None:
        return 0
    count = 0
    for source in SOURCES:
        if not _exists(source):
            continue
        matching = source.matching(email)
        if source.erase == "delete":
            count += matching.count()
            matching.delete()
        else:
            count += _blank(source, matching)
    return count


def _holding(source: Source) -> Q:
    """Rows that still hold something personal (erasing them again counts nothing)."""
    holding = Q()
    for name in source.contact_fields:
        holding |= ~Q(**{name: ""}) & Q(**{f"{name}__isnull": False})
    return holding


def source_for(label: str) -> Source:
    """The source of one model ("app_label.ModelName")."""
    return next(s for s in SOURCES if s.model == label)


_source = source_for


SUBMISSIONS = (
    "stories.StorySubmission",
    "stories.EventSubmission",
    "stories.PhotoSubmission",
    "locations.PlaceSuggestion",
)
"""The sources that are a resident's submission: the content stays, the person goes."""


def erase_submission_personal_data(submission) -> bool:
    """Blank the name, e-mail and private note of one submission (a story,
    recipe, event, photo or place suggestion); what was submitted stays.

    The one way a single submission loses its personal data: a resident's
    withdrawal, the secretariat's erasure and the retention of rejected
    submissions all call it. True when something personal was there to erase.
    """
    source = _source(submission._meta.label)
    erased = _blank(source, source.queryset().filter(pk=submission.pk).filter(_holding(source)))
    submission.refresh_from_db(fields=[*source.contact_fields, *source.private_notes])
    return bool(erased)


def _rejected_page_ids(before) -> set[int]:
    """Pages whose approval ended in a rejection decided before `before`, and
    that were not sent for approval again since (Wagtail's "needs changes")."""
    latest: dict[str, WorkflowState] = {}
    for state in WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    ).order_by("created_at", "pk"):
        latest[state.object_id] = state
    rejected = {
        object_id
        for object_id, state in latest.items()
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES
    }
    decided = TaskState.objects.filter(
        workflow_state__object_id__in=rejected,
        status=TaskState.STATUS_REJECTED,
        finished_at__lt=before,
    ).values_list("workflow_state__object_id", flat=True)
    return {int(object_id) for object_id in decided}


def _closed_submissions(before):
    """Each submission source's rejected submissions, decided before `before`.
    (A withdrawn one is erased when it is withdrawn.)"""
    pages = _rejected_page_ids(before)
    yield "stories.StorySubmission", Q(page_id__in=pages)
    yield "stories.EventSubmission", Q(page_id__in=pages)
    yield "stories.PhotoSubmission", Q(status="afvist", reviewed_at__lt=before)
    yield "locations.PlaceSuggestion", Q(place_id__in=pages)


@transaction.atomic
def purge_personal_data(now=None) -> dict[str, int]:
    """Erase what PERSONAL_DATA_RETENTION says is no longer needed; per rule,
    how many records lost their personal data. Rows stay (blanked) so counts of
    sign-ups and submissions stay true; the content residents sent stays."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    counts = {}
    signups = _source("stories.TaskSignup")
    counts["task_signups"] = _blank(
        signups,
        TaskSignup.objects.filter(
            task__date__lt=retention.cutoff_date("task_signups", today)
        ).filter(_holding(signups)),
    )
    volunteers = _source("stories.VolunteerSignup")
    counts["volunteers"] = _blank(
        volunteers,
        volunteers.queryset()
        .filter(created_at__lt=retention.cutoff("volunteers", now))
        .filter(_holding(volunteers)),
        extra={"interests": ""},
    )
    counts["closed_submissions"] = 0
    for label, closed in _closed_submissions(retention.cutoff("closed_submissions", now)):
        source = _source(label)
        if _exists(source):
            counts["closed_submissions"] += _blank(
                source, source.queryset().filter(closed).filter(_holding(source))
            )
    counts["submissions"] = 0
    for source in SOURCES:
        if source.model in SUBMISSIONS and _exists(source):
            old = source.queryset().filter(
                **{f"{source.created}__lt": retention.cutoff("submissions", now)}
            )
            counts["submissions"] += _blank(source, old.filter(_holding(source)))
    retention.log_run("personal_data", counts)
    return counts


def signups_visible_to(user):
    """Task sign-ups the user may see: all for the secretariat, their own
    groups' for a group's contact person, none for anyone else."""
    signups = TaskSignup.objects.select_related("task", "task__page").order_by(
        "task__date", "created_at"
    )
    if not (user and user.is_authenticated and user.is_active):
        return signups.none()
    if is_secretariat(user) or user.has_perm("stories.view_tasksignup"):
        return signups
    return signups.filter(task__page__contact_user=user)
