"""`GET /api/places.geojson`: every published place as RFC 7946 GeoJSON."""

import json

from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_safe

from home.languages import default_language
from home.text import plain_text
from locations.models import PlacePage
from locations.models.map import filter_places

GEOJSON_CONTENT_TYPE = "application/geo+json"

UNKNOWN_MESSAGES = {
    "category": "Ukendt kategori: '{}'. Brug en kategoris korte navn, fx 'legeplads'.",
    "facility": "Ukendt facilitet: '{}'. Brug en facilitets korte navn, fx 'toilet'.",
}


def place_feature(place: PlacePage, request=None) -> dict:
    return {
        "type": "Feature",
        "id": place.external_id or place.slug,
        "geometry": {
            "type": "Point",
            # RFC 7946 §3.1.1: longitude first.
            "coordinates": [round(place.longitude, 6), round(place.latitude, 6)],
        },
        # Plain text only: map sites put these into their own popups' HTML.
        "properties": {
            "name": plain_text(place.title),
            "category": place.category.slug if place.category else None,
            "category_name": plain_text(place.category.name) if place.category else None,
            "facilities": [f.slug for f in place.facility_list()],
            "facility_names": [plain_text(f.name) for f in place.facility_list()],
            "url": place.get_full_url(request),
            "address": plain_text(place.address),
            "summary": plain_text(place.intro),
            "opening_hours": plain_text(place.opening_hours),
            "website": place.website,
        },
    }


@require_safe
def places_geojson(request):
    places = (
        PlacePage.objects.live()
        .filter(locale__language_code=default_language())
        .public()
        .filter(latitude__isnull=False, longitude__isnull=False)
        .select_related("category")
        .prefetch_related("facilities")
        .order_by("title")
    )
    places, _category, _facilities, unknown = filter_places(
        places,
        request.GET.get("category", "").strip(),
        [s.strip() for s in request.GET.getlist("facility") if s.strip()],
    )
    if unknown:
        parameter, value = unknown[0]
        return JsonResponse(
            {"error": UNKNOWN_MESSAGES[parameter].format(value), "parameter": parameter},
            status=400,
            json_dumps_params={"ensure_ascii": False},
        )
    collection = {
        "type": "FeatureCollection",
        "features": [place_feature(p, request) for p in places],
    }
    return HttpResponse(
        json.dumps(collection, ensure_ascii=False),
        content_type=f"{GEOJSON_CONTENT_TYPE}; charset=utf-8",
    )
