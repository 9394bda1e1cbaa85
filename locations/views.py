"""The map page's filtering and the residents' suggestion flow."""

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils.html import escape, linebreaks

from home.submissions import file_draft, unique_child_slug
from locations.forms import CorrectionForm, PlaceSuggestionForm
from locations.geo import ISHOJ_CENTER
from locations.models import Facility, PlaceCategory, PlacePage, PlaceSuggestion, SuggestionKind


def filter_places(places, category_slug: str, facility_slugs: list[str]):
    """Narrow places to one category and *all* of the given facilities.

    Returns (places, category, facilities, unknown) where `unknown` lists the
    parameter names whose value matched nothing, so callers can explain it.
    """
    unknown = []
    category = None
    if category_slug:
        category = PlaceCategory.objects.filter(slug=category_slug).first()
        if category is None:
            unknown.append(("category", category_slug))
        else:
            places = places.filter(category=category)
    facilities = []
    for slug in facility_slugs:
        facility = Facility.objects.filter(slug=slug).first()
        if facility is None:
            unknown.append(("facility", slug))
        else:
            facilities.append(facility)
            places = places.filter(facilities=facility)
    if unknown:
        places = places.none()
    return places, category, facilities, unknown


def map_context(map_page, request) -> dict:
    all_places = list(map_page.places())
    category_slug = request.GET.get("kategori", "").strip()
    facility_slugs = [s.strip() for s in request.GET.getlist("facilitet") if s.strip()]
    places, category, facilities, unknown = filter_places(
        map_page.places(), category_slug, facility_slugs
    )
    used_category_ids = {p.category_id for p in all_places}
    used_facility_ids = {f.pk for p in all_places for f in p.facilities.all()}
    return {
        "places": list(places),
        "place_count": len(all_places),
        "markers": [p.marker_data(request) for p in all_places if p.has_point],
        "categories": PlaceCategory.objects.filter(pk__in=used_category_ids),
        "facilities": Facility.objects.filter(pk__in=used_facility_ids),
        "selected_category": category_slug,
        "selected_facilities": facility_slugs,
        "unknown_filters": unknown,
        "is_filtered": bool(category_slug or facility_slugs),
        "map_config": map_config(),
    }


def map_config(center=ISHOJ_CENTER, zoom=13) -> dict:
    """Settings for static/js/map.js; an empty tile URL means markers without tiles."""
    return {
        "tileUrl": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "center": list(center),
        "zoom": zoom,
        "iconPath": settings.STATIC_URL + "vendor/leaflet/images/",
    }


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
