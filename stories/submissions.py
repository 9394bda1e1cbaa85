"""A resident's event suggestion becomes a draft the secretariat approves.

Nothing a resident sends is published directly: the page is created unpublished
and put into the page's moderation workflow; the submitter's name and e-mail go
to `EventSubmission`, which no template, API or feed reads.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from wagtail.images import get_image_model

from home import participation, uploads
from home.languages import prefixed
from home.participation_models import Contribution, ContributionKind
from home.spam import RateLimit
from home.submissions import file_draft, paragraphs, unique_child_slug
from stories.forms import EventSuggestionForm
from stories.models.event import EventPage, Frequency
from stories.models.event_index import EventIndexPage
from stories.models.event_submission import EventSubmission

logger = logging.getLogger("voresishoj.events")


def _event_rate_limit() -> RateLimit:
    # Read per call: tests and operators change the limits through settings.
    return RateLimit(
        "event-suggest",
        settings.EVENT_SUBMISSION_RATE_LIMIT,
        settings.EVENT_SUBMISSION_RATE_WINDOW,
    )


def rate_limited(request: HttpRequest) -> bool:
    """Count this submission (valid or not) and say whether it is one too many."""
    return _event_rate_limit().hit(request)


def create_suggested_event(index: EventIndexPage, data: dict) -> Contribution:
    """Create the unpublished page, its submission record and start moderation."""
    frequency = data["frequency"] if data["frequency"] in Frequency.values else Frequency.NONE
    day = data["date"]
    image = None
    if data.get("image"):
        # Unmoderated: a random file name, in the collection nothing public serves;
        # publishing the event releases it (stories/moderation.py).
        image = get_image_model()(
            title=f"Forslag: {data['title']}"[:255],
            file=uploads.rename_upload(data["image"]),
            collection=uploads.pending_collection(),
        )
        image.save()
    page = EventPage(
        title=data["title"],
        slug=unique_child_slug(index, data["title"], fallback="begivenhed"),
        intro=data["intro"],
        body=paragraphs(data.get("description", "")),
        start_date=day,
        all_day=bool(data.get("all_day")),
        start_time=None if data.get("all_day") else data.get("start_time"),
        end_time=None if data.get("all_day") else data.get("end_time"),
        frequency=frequency,
        weekdays=[day.weekday()] if frequency == Frequency.WEEKLY else [],
        # "Every month" as the resident means it: the same nth weekday as the date.
        monthly_ordinal=(day.day - 1) // 7 + 1 if frequency == Frequency.MONTHLY else None,
        monthly_weekday=day.weekday() if frequency == Frequency.MONTHLY else None,
        place_name=data["place_name"],
        address=data.get("address", ""),
        organiser=data["organiser"],
        contact=data.get("contact", ""),
        is_free=bool(data.get("is_free")),
        price_dkk=None if data.get("is_free") else data.get("price_dkk"),
        audience=list(data["audience"]),
        signup_url=data.get("signup_url", ""),
        image=image,
        image_alt=data.get("image_alt", "") if image else "",
    )
    page.categories.set(data.get("categories") or [])
    with transaction.atomic():
        file_draft(index, page)
        submission = EventSubmission.objects.create(
            page=page,
            name=data["name"],
            email=data["email"],
            message=data.get("message", ""),
        )
        return participation.open_contribution(ContributionKind.EVENT, page.title, submission, page)


def suggest_event_view(request: HttpRequest, index: EventIndexPage) -> HttpResponse:
    """GET shows the form, POST validates and creates the draft (PRG on success)."""
    if request.GET.get("tak") == "1":
        return TemplateResponse(
            request, "stories/event_suggestion_thanks.html", {"page": index, "self": index}
        )
    status = 200
    limited = False
    if request.method == "POST":
        form = EventSuggestionForm(request.POST, request.FILES)
        # Every submission counts towards the limit, valid or not, so invalid
        # posts (a large image to check, say) cost a script as much as valid ones.
        if rate_limited(request):
            limited, status = True, 429
        elif form.is_spam():
            # Answer like a success so the bot learns nothing; create nothing.
            logger.info("Event suggestion honeypot triggered")
            return HttpResponseRedirect(prefixed(f"{index.url}foreslaa/") + "?tak=1")
        elif form.is_valid():
            contribution = create_suggested_event(index, form.cleaned_data)
            return participation.thank_you(
                request, contribution, prefixed(f"{index.url}foreslaa/") + "?tak=1"
            )
        else:
            status = 400
    else:
        form = EventSuggestionForm()
    return TemplateResponse(
        request,
        "stories/event_suggestion_form.html",
        {"page": index, "self": index, "form": form, "rate_limited": limited},
        status=status,
    )
