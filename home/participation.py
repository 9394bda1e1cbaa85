"""From suggestion to decision: the one path every resident submission follows.

A story, recipe, photo, event or place opens a `Contribution` with a private
link (`open_contribution`); the secretariat's decisions move its status
(`publish`, `reject`, `mark_in_review`, `withdraw`), and each change that
answers the resident is mailed once, with the link, in the language the
resident wrote in (`Contribution.language`). The apps above
attach themselves here: each registers where its records keep the resident's
e-mail (`register_record`), and the channel layer supplies a contribution's
reach (`provide_reach`), so home imports none of them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.signals import post_save
from django.dispatch import Signal
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop
from wagtail.models import Page, Revision, TaskState
from wagtail.signals import page_published, task_rejected

from home.languages import active_language, reader_url
from home.mail import resident_mail, text_body
from home.participation_models import (
    TRANSITIONS,
    Contribution,
    ContributionKind,
    ContributionStatus,
)

logger = logging.getLogger("voresishoej.participation")

contribution_changed = Signal()
"""Sent with `contribution` after its status changed; the app that owns the
record acts on it (a rejected photo's file goes, a handled correction is marked)."""

K = ContributionKind
S = ContributionStatus

NOUN = {
    K.STORY: gettext_noop("din historie"),
    K.RECIPE: gettext_noop("din opskrift"),
    K.PHOTO: gettext_noop("dit billede"),
    K.EVENT: gettext_noop("dit forslag til Det sker i Ishøj"),
    K.PLACE: gettext_noop("dit forslag til kortet"),
}
"""What the resident sent, as the mails and the status page call it (Danish
msgids, shown in the resident's language)."""

SUBJECT = {
    S.RECEIVED: gettext_noop("Tak for %(noun)s"),
    S.IN_REVIEW: gettext_noop("Sekretariatet kigger på %(noun)s"),
    S.PUBLISHED: gettext_noop("Nu er %(noun)s på Vores Ishøj"),
    S.REJECTED: gettext_noop("Svar på %(noun)s"),
}
"""The changes a resident is mailed about, once each."""

IN_REVIEW_MAIL_AFTER = timedelta(minutes=30)
""""Under behandling" is mailed only when the answer has not followed within
this time (the clock's `mail_residents_in_review`): approving in the editor
saves the draft first, and two mails a minute apart for one decision teach
people to ignore the second."""

STATUS_TEXT = {
    S.RECEIVED: gettext_noop(
        "Vi har modtaget %(noun)s. Sekretariatet læser alt, hvad borgerne sender."
    ),
    S.IN_REVIEW: gettext_noop("Sekretariatet er i gang med at se på %(noun)s."),
    S.PUBLISHED: gettext_noop("%(noun_cap)s er udgivet. Tak fordi du var med!"),
    S.REJECTED: gettext_noop("Sekretariatet har valgt ikke at udgive %(noun)s."),
    S.WITHDRAWN: gettext_noop("Du har trukket %(noun)s tilbage, og dine oplysninger er slettet."),
}
"""The status in plain Danish, one sentence, for the status page (translated
when shown)."""


# -- Where the apps keep the resident's e-mail --------------------------------

_contact_fields: dict[str, tuple[str, str]] = {}


def register_record(model: type[models.Model], email_field: str, name_field: str = "") -> None:
    """Say which fields of `model` hold the resident's e-mail and name (AppConfig.ready)."""
    _contact_fields[model._meta.label_lower] = (email_field, name_field)


def _contact(contribution: Contribution, which: int) -> str:
    record = contribution.record
    if record is None:
        return ""
    field = _contact_fields.get(record._meta.label_lower, ("", ""))[which]
    return " ".join(str(getattr(record, field, "") or "").split()) if field else ""


def resident_email(contribution: Contribution) -> str:
    """The address to write to, or "" when none was given or it is erased."""
    return _contact(contribution, 0)


def resident_name(contribution: Contribution) -> str:
    return _contact(contribution, 1)


# -- Reach, supplied by the channel layer --------------------------------------


@dataclass(frozen=True)
class ReachFigure:
    """One figure about a published contribution, as the reach reports show it."""

    where: str
    """"voresishoj.dk" or the channel's name."""
    label: str
    value: int | None
    """None is a gap: the platform did not report it at the last pull."""
    counts: str
    """What the figure counts, in Danish."""


ReachProvider = Callable[[Page], list[ReachFigure]]
_reach: list[ReachProvider] = []


def provide_reach(provider: ReachProvider) -> None:
    """The channel layer's reach for one page (channels.reach's AppConfig.ready)."""
    _reach[:] = [provider]


def reach_for(page: Page) -> list[ReachFigure]:
    return _reach[0](page) if _reach else []


# -- The link -----------------------------------------------------------------


def follow_path(token: str) -> str:
    return reverse("submission_follow", args=[token])


def follow_url(token: str, request=None) -> str:
    path = follow_path(token)
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def find(token: str) -> Contribution | None:
    """The contribution behind a link that still opens, else None (a 404)."""
    if not token or len(token) > 64:
        return None
    return Contribution.objects.followable().filter(token=token).first()


def noun(contribution: Contribution) -> str:
    """ "din historie", in the active language."""
    return gettext(NOUN[contribution.kind])


def status_text(contribution: Contribution) -> str:
    """The status in one sentence, in the active language."""
    name = noun(contribution)
    return gettext(STATUS_TEXT[contribution.status]) % {
        "noun": name,
        "noun_cap": name[:1].upper() + name[1:],
    }


# -- Opening and moving -------------------------------------------------------


def open_contribution(
    kind: str, title: str, record: models.Model, page: Page | None = None, *, becomes_page=True
) -> Contribution:
    """Every submission's first step after its record is saved; call it inside
    the creating transaction so a submission never exists without its link."""
    return Contribution.objects.create(
        kind=kind,
        title=title[:255],
        record=record,
        page=page,
        becomes_page=becomes_page,
        language=active_language(),
    )


FOLLOW_PARAM = "folg"
"""The thank-you page's query parameter carrying the new link (home.templatetags)."""


def thank_you(request, contribution: Contribution, done_url: str) -> HttpResponseRedirect:
    """After a valid submission: the confirmation mail with the link, then the
    kind's own thank-you page, which shows the same link."""
    notify(contribution, request)
    separator = "&" if "?" in done_url else "?"
    return HttpResponseRedirect(f"{done_url}{separator}{FOLLOW_PARAM}={contribution.token}")


def notify(contribution: Contribution, request=None, *, in_review: bool = False) -> bool:
    """Mail the resident about the current status, once per status; True if sent.
    "Under behandling" only when `in_review` (see IN_REVIEW_MAIL_AFTER)."""
    if contribution.status not in SUBJECT:
        return False
    if contribution.status == S.IN_REVIEW and not in_review:
        return False
    email = resident_email(contribution)
    if not email or not contribution.claim_notice():
        return False
    # The resident's language, whoever triggers the mail: the resident's own
    # request, an editor in the Danish admin, or the clock.
    with translation.override(contribution.language or settings.LANGUAGE_CODE):
        context = {
            "contribution": contribution,
            "name": resident_name(contribution),
            "noun": noun(contribution),
            "status_text": status_text(contribution),
            "link": follow_url(contribution.token, request),
            "page_url": published_url(contribution),
        }
        message = resident_mail(
            gettext(SUBJECT[contribution.status]) % {"noun": context["noun"]},
            text_body("participation/emails/status.txt", context),
            [email],
            translation.get_language(),
        )
    sent = message.send(fail_silently=True)
    if not sent:
        logger.warning("Status mail for contribution %s was not sent", contribution.pk)
    return bool(sent)


def published_url(contribution: Contribution, request=None) -> str:
    """The public page of a published contribution, or "": relative on our own
    site when answering a request, in full for a mail."""
    if contribution.status != S.PUBLISHED or contribution.page_id is None:
        return ""
    page = Page.objects.filter(pk=contribution.page_id).live().public().first()
    if page is None:
        return ""
    # In the active language: its translation, or the Danish page in that
    # language's chrome (home.languages.reader_url).
    if request is not None:
        return reader_url(page, request=request) or ""
    return reader_url(page, full=True) or ""


def _moved(contribution: Contribution, request=None) -> None:
    notify(contribution, request)
    contribution_changed.send(sender=Contribution, contribution=contribution)


def mark_in_review(contribution: Contribution) -> bool:
    return contribution.move_to(S.IN_REVIEW)


def mail_lasting_reviews(now=None) -> int:
    """Mail "Under behandling" to residents whose submission has been looked at
    for IN_REVIEW_MAIL_AFTER without an answer; how many were mailed."""
    now = now or timezone.now()
    lasting = Contribution.objects.filter(
        status=S.IN_REVIEW, status_changed_at__lte=now - IN_REVIEW_MAIL_AFTER
    ).exclude(notified_status=S.IN_REVIEW)
    return sum(notify(contribution, in_review=True) for contribution in lasting)


def publish(contribution: Contribution, page: Page | None = None, request=None) -> bool:
    changed = contribution.move_to(S.PUBLISHED, page=page)
    if changed:
        _moved(contribution, request)
    return changed


class ReasonRequired(ValueError):
    """A rejection without a reason: the resident would be told nothing."""


def reject(contribution: Contribution, reason: str, request=None) -> bool:
    if not (reason or "").strip():
        raise ReasonRequired("Skriv en begrundelse til borgeren.")
    changed = contribution.move_to(S.REJECTED, reason=reason)
    if changed:
        _moved(contribution, request)
    return changed


def withdraw(contribution: Contribution) -> bool:
    """The resident's own decision: no mail (the data it would go to is erased)."""
    changed = contribution.move_to(S.WITHDRAWN)
    if changed:
        contribution_changed.send(sender=Contribution, contribution=contribution)
    return changed


# -- Wagtail's own decisions --------------------------------------------------


def _own(page_id) -> models.QuerySet:
    return Contribution.objects.filter(page_id=page_id, becomes_page=True)


def _is_page(base_content_type_id, object_id) -> bool:
    """A workflow or revision of a page (snippets have their own numbering)."""
    page_type = ContentType.objects.get_for_model(Page).pk
    return base_content_type_id == page_type and str(object_id).isdigit()


def on_page_published(sender, instance, **kwargs):
    """Approving the draft (or publishing it) answers the resident."""
    for contribution in _own(instance.pk).filter(status__in=TRANSITIONS[S.PUBLISHED]):
        publish(contribution)


def on_task_rejected(sender, instance: TaskState, **kwargs):
    """Wagtail's "Afvis" with a comment is the answer; without one the
    submission keeps waiting, for the resident must hear why."""
    comment = (instance.comment or "").strip()
    state = instance.workflow_state
    if not comment or not _is_page(state.base_content_type_id, state.object_id):
        return
    page_id = state.object_id
    for contribution in _own(int(page_id)).filter(status__in=TRANSITIONS[S.REJECTED]):
        reject(contribution, comment)


def on_revision_saved(sender, instance: Revision, created=False, **kwargs):
    """Someone in the secretariat saved the draft: it is being looked at."""
    if not created or instance.user_id is None:
        return
    if not _is_page(instance.base_content_type_id, instance.object_id):
        return
    for contribution in _own(int(instance.object_id)).filter(status=S.RECEIVED):
        mark_in_review(contribution)


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="participation-published")
    task_rejected.connect(on_task_rejected, dispatch_uid="participation-rejected")
    post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="participation-revision")
