"""The map page's filtering and the residents' suggestion flow."""

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils.html import escape, linebreaks

from home import participation
from home.languages import prefixed
from home.participation_models import Contribution, ContributionKind
from home.spam import RateLimit
from home.submissions import file_draft, unique_child_slug
from locations.forms import CorrectionForm, PlaceSuggestionForm
from locations.models.place import PlacePage
from locations.models.suggestion import PlaceSuggestion, SuggestionKind


@transaction.atomic
def create_suggested_place(map_page, data: dict) -> Contribution:
    """An unpublished draft PlacePage; the point is set by an editor before publishing."""
    place = PlacePage(
        title=data["name"],
        slug=unique_child_slug(map_page, data["name"], fallback="sted"),
        category=data["category"],
        intro=data["description"][:300],
        description=linebreaks(escape(data["description"])),
        address=data["address"],
        opening_hours=data.get("opening_hours", ""),
        website=data.get("website", ""),
    )
    place.facilities.set(data.get("facilities") or [])
    file_draft(map_page, place)
    suggestion = PlaceSuggestion.objects.create(
        kind=SuggestionKind.NEW_PLACE,
        place=place,
        place_name=place.title,
        message=data["description"],
        submitter_name=data.get("submitter_name", ""),
        submitter_email=data.get("submitter_email", ""),
    )
    return participation.open_contribution(ContributionKind.PLACE, place.title, suggestion, place)


@transaction.atomic
def create_correction(place: PlacePage, data: dict) -> Contribution:
    """A correction is only the record (see PlaceSuggestion); the place is its page."""
    suggestion = PlaceSuggestion.objects.create(
        kind=SuggestionKind.CORRECTION,
        place=place,
        place_name=place.title,
        message=data["message"],
        submitter_name=data["submitter_name"],
        submitter_email=data["submitter_email"],
    )
    return participation.open_contribution(
        ContributionKind.PLACE, f"Rettelse: {place.title}", suggestion, place, becomes_page=False
    )


def _thanks_url(map_page, request) -> str:
    return prefixed(map_page.get_url(request) + map_page.reverse_subpage("thanks_route"))


def place_form_rate_limit() -> RateLimit:
    """Both place forms share one limit; every submission counts, valid or not."""
    return RateLimit(
        "place-suggest", settings.PLACE_FORM_RATE_LIMIT, settings.PLACE_FORM_RATE_WINDOW
    )


def _rate_limited(request, template: str, context: dict):
    """429 with the form as typed, so nothing is lost."""
    return render(request, template, {**context, "rate_limited": True}, status=429)


def suggest_place(request, map_page):
    context = {"page": map_page, "self": map_page}
    template = "locations/suggestion_form.html"
    if request.method == "POST":
        form = PlaceSuggestionForm(request.POST)
        if place_form_rate_limit().hit(request):
            return _rate_limited(request, template, {**context, "form": form})
        if form.is_spam():
            return HttpResponseRedirect(_thanks_url(map_page, request))
        if form.is_valid():
            contribution = create_suggested_place(map_page, form.cleaned_data)
            return participation.thank_you(request, contribution, _thanks_url(map_page, request))
    else:
        form = PlaceSuggestionForm()
    return render(request, template, {**context, "form": form}, status=400 if form.errors else 200)


def suggest_correction(request, map_page, place_id):
    place = PlacePage.objects.child_of(map_page).live().public().filter(pk=place_id).first()
    if place is None:
        raise Http404("Stedet findes ikke.")
    if request.method == "POST":
        form = CorrectionForm(request.POST)
        if place_form_rate_limit().hit(request):
            context = {"page": map_page, "place": place, "form": form, "self": map_page}
            return _rate_limited(request, "locations/correction_form.html", context)
        if form.is_spam():
            return HttpResponseRedirect(_thanks_url(map_page, request))
        if form.is_valid():
            contribution = create_correction(place, form.cleaned_data)
            return participation.thank_you(request, contribution, _thanks_url(map_page, request))
    else:
        form = CorrectionForm()
    return render(
        request,
        "locations/correction_form.html",
        {"page": map_page, "place": place, "form": form, "self": map_page},
        status=400 if form.errors else 200,
    )
