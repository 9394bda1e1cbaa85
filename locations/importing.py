"""Reading places from GeoJSON: validation per feature and create-or-update.

Kept apart from the management command so the rules (what a valid feature is,
how a place is matched) can be tested and reused without a command line.
"""

import math
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from home.submissions import unique_child_slug
from home.text import slugify_da
from locations.geo import ISHOJ_BBOX
from locations.models import Facility, MapPage, PlaceCategory, PlacePage


class GeoJSONFileError(Exception):
    """The file as a whole cannot be read; nothing is imported."""


@dataclass(frozen=True)
class PlaceRecord:
    name: str
    lat: float
    lng: float
    category: str
    external_id: str = ""
    facilities: tuple[str, ...] = ()
    address: str = ""
    intro: str = ""
    opening_hours: str = ""
    website: str = ""


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    new_categories: list[str] = field(default_factory=list)
    new_facilities: list[str] = field(default_factory=list)


def features_of(data) -> list:
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise GeoJSONFileError("Filen er ikke en GeoJSON FeatureCollection.")
    features = data.get("features")
    if not isinstance(features, list):
        raise GeoJSONFileError("Filen mangler listen 'features'.")
    return features


def _text(props, *keys, limit=None) -> str:
    for key in keys:
        value = props.get(key)
        if value not in (None, ""):
            text = str(value).strip()
            return text[:limit] if limit else text
    return ""


def parse_feature(feature) -> PlaceRecord:
    """One feature as a PlaceRecord, or ValueError with the reason in Danish."""
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise ValueError("det er ikke et GeoJSON 'Feature'-objekt")
    props = feature.get("properties") or {}
    if not isinstance(props, dict):
        raise ValueError("'properties' skal være et objekt")
    name = _text(props, "name", "navn")
    if not name:
        raise ValueError("navn mangler (properties.name)")
    if len(name) > 255:
        raise ValueError("navnet er længere end 255 tegn")
    geometry = feature.get("geometry") or {}
    if geometry.get("type") != "Point":
        raise ValueError(f"geometrien skal være et punkt (Point), ikke {geometry.get('type')!r}")
    coords = geometry.get("coordinates")
    if (
        not isinstance(coords, list)
        or len(coords) < 2
        or not all(isinstance(c, int | float) and not isinstance(c, bool) for c in coords[:2])
        or not all(math.isfinite(c) for c in coords[:2])
    ):
        raise ValueError("koordinaterne skal være to tal: [længdegrad, breddegrad]")
    lng, lat = float(coords[0]), float(coords[1])
    if not ISHOJ_BBOX.contains(lat, lng):
        raise ValueError(
            f"punktet ({lat:.5f}, {lng:.5f}) ligger uden for Ishøj – "
            "husk at GeoJSON skriver længdegrad før breddegrad"
        )
    category = _text(props, "category", "kategori", limit=80)
    if not category:
        raise ValueError("kategori mangler (properties.category)")
    facilities = props.get("facilities", props.get("faciliteter")) or []
    if isinstance(facilities, str):
        facilities = [f for f in facilities.split(",")]
    if not isinstance(facilities, list):
        raise ValueError("faciliteter skal være en liste af navne")
    website = _text(props, "website", "link")
    if website:
        try:
            URLValidator(schemes=["http", "https"])(website)
        except ValidationError:
            raise ValueError(f"linket {website!r} er ikke en gyldig webadresse") from None
    external_id = feature.get("id", props.get("id"))
    return PlaceRecord(
        name=name,
        lat=lat,
        lng=lng,
        category=category,
        external_id="" if external_id in (None, "") else str(external_id)[:100],
        facilities=tuple(str(f).strip()[:80] for f in facilities if str(f).strip()),
        address=_text(props, "address", "adresse", limit=250),
        intro=_text(props, "summary", "intro", "description", "beskrivelse", limit=300),
        opening_hours=_text(props, "opening_hours", "aabningstider", limit=500),
        website=website,
    )


def _term(model, value: str, created: list):
    """Find a category/facility by slug or name; unknown ones are created."""
    slug = slugify_da(value)
    term = (
        model.objects.filter(slug=value).first()
        or model.objects.filter(name__iexact=value).first()
        or model.objects.filter(slug=slug).first()
    )
    if term is None:
        term = model.objects.create(name=value, slug=slug)
        created.append(term.name)
    return term


def _find_place(map_page, record):
    places = PlacePage.objects.child_of(map_page)
    if record.external_id:
        found = places.filter(external_id=record.external_id).first()
        if found:
            return found
    return places.filter(title__iexact=record.name).first()


@transaction.atomic
def upsert_place(map_page: MapPage, record: PlaceRecord, result: ImportResult) -> None:
    category = _term(PlaceCategory, record.category, result.new_categories)
    facilities = [_term(Facility, f, result.new_facilities) for f in record.facilities]
    place = _find_place(map_page, record)
    is_new = place is None
    if is_new:
        place = PlacePage(
            title=record.name, slug=unique_child_slug(map_page, record.name, fallback="sted")
        )
    before = None if is_new else _snapshot(place)
    place.title = record.name
    place.category = category
    place.set_point(record.lat, record.lng)
    place.address = record.address or place.address
    place.intro = record.intro or place.intro
    place.opening_hours = record.opening_hours or place.opening_hours
    place.website = record.website or place.website
    place.external_id = record.external_id or place.external_id
    place.facilities.set(facilities)
    if is_new:
        map_page.add_child(instance=place)
    elif _snapshot(place) == before and place.live:
        result.unchanged.append(record.name)
        return
    place.save_revision().publish()
    (result.created if is_new else result.updated).append(record.name)


def _snapshot(place):
    return (
        place.title,
        place.category_id,
        round(place.latitude or 0, 7),
        round(place.longitude or 0, 7),
        place.address,
        place.intro,
        place.opening_hours,
        place.website,
        place.external_id,
        tuple(sorted(f.pk for f in place.facilities.all())),
    )


def import_collection(map_page: MapPage, data) -> ImportResult:
    result = ImportResult()
    seen_ids = set()
    for index, feature in enumerate(features_of(data)):
        try:
            record = parse_feature(feature)
        except ValueError as error:
            result.skipped.append((index, str(error)))
            continue
        if record.external_id:
            if record.external_id in seen_ids:
                result.skipped.append(
                    (index, f"id {record.external_id!r} står flere gange i filen")
                )
                continue
            seen_ids.add(record.external_id)
        upsert_place(map_page, record, result)
    return result
