"""The map page's filtering and the residents' suggestion flow."""

from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils.html import escape, linebreaks

from home.submissions import file_draft, unique_child_slug
from locations.forms import CorrectionForm, PlaceSuggestionForm
from locations.models.place import PlacePage
from locations.models.suggestion import PlaceSuggestion, SuggestionKind


@transaction.atomic
def create_suggested_place(map_page, data: dict) -> PlacePage:
    """An unpublished draft PlacePage; the point is set by an editor before publishing."""
    place = PlacePage(
        title=data["name"],
        slug=unique_child_slug(map_page, data["name"], fallback="sted"),
        category=data["category"],
        summary=data["description"][:300],
        description=linebreaks(escape(data["description"])),
        address=data["address"],
        opening_hours=data.get("opening_hours", ""),
        website=data.get("website", ""),
    )
    place.facilities.set(data.get("facilities") or [])
    file_draft(map_page, place)
    PlaceSuggestion.objects.create(
        kind=SuggestionKind.NEW_PLACE,
        place=place,
        place_name=place.title,
        message=data["description"],
        submitter_name=data.get("submitter_name", ""),
        submitter_email=data.get("submitter_email", ""),
    )
    return place


def _thanks_url(map_page, request) -> str:
    return map_page.get_url(request) + map_page.reverse_subpage("thanks_route")


def suggest_place(request, map_page):
    if request.method == "POST":
        form = PlaceSuggestionForm(request.POST)
        if form.is_spam():
            return HttpResponseRedirect(_thanks_url(map_page, request))
        if form.is_valid():
            create_suggested_place(map_page, form.cleaned_data)
            return HttpResponseRedirect(_thanks_url(map_page, request))
    else:
        form = PlaceSuggestionForm()
    return render(
        request,
        "locations/suggestion_form.html",
        {"page": map_page, "form": form, "self": map_page},
        status=400 if form.errors else 200,
    )


def suggest_correction(request, map_page, place_id):
    place = PlacePage.objects.child_of(map_page).live().public().filter(pk=place_id).first()
    if place is None:
        raise Http404("Stedet findes ikke.")
    if request.method == "POST":
        form = CorrectionForm(request.POST)
        if form.is_spam():
            return HttpResponseRedirect(_thanks_url(map_page, request))
        if form.is_valid():
            PlaceSuggestion.objects.create(
                kind=SuggestionKind.CORRECTION,
                place=place,
                place_name=place.title,
                message=form.cleaned_data["message"],
                submitter_name=form.cleaned_data["submitter_name"],
                submitter_email=form.cleaned_data["submitter_email"],
            )
            return HttpResponseRedirect(_thanks_url(map_page, request))
    else:
        form = CorrectionForm()
    return render(
        request,
        "locations/correction_form.html",
        {"page": map_page, "place": place, "form": form, "self": map_page},
        status=400 if form.errors else 200,
    )
