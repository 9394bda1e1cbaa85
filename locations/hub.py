"""What the community map gives the front page and the footer, without home
importing locations: a small teaser of the map and the "suggest a place" link.

home's templates load `locations.templatetags.locations_hub`. The teaser is the
same for every visitor, so it is kept in the default cache and forgotten when
a page is published, unpublished, moved or deleted (as home.page_chrome).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count
from wagtail.models import Site

from home.visibility import not_restricted
from locations.geo import ISHOJ_BBOX
from locations.models import MapPage, PlacePage

TEASER_TIMEOUT = 60
TEASER_KEY = "locations:teaser:{site_id}"
TOP_CATEGORIES = 4
# The teaser's drawing: a box this many units wide, Ishøj's bounding box inside it.
SKETCH_WIDTH = 320
SKETCH_HEIGHT = 200
MAX_DOTS = 300


@dataclass(frozen=True)
class MapTeaser:
    map_url: str
    suggest_url: str
    place_count: int
    categories: list[tuple[str, int, str]] = field(default_factory=list)
    """(name, how many places, the map's URL filtered to it), the largest first."""
    dots: list[tuple[int, int]] = field(default_factory=list)
    """Places as points in the sketch's units (x right, y down)."""


def _dot(lat: float, lng: float) -> tuple[int, int]:
    box = ISHOJ_BBOX
    x = (lng - box.west) / (box.east - box.west) * SKETCH_WIDTH
    y = (box.north - lat) / (box.north - box.south) * SKETCH_HEIGHT
    return round(x), round(y)


def _build(site: Site) -> MapTeaser | None:
    map_page = (
        MapPage.objects.live()
        .filter(not_restricted(), path__startswith=site.root_page.path)
        .order_by("path")
        .first()
    )
    if map_page is None:
        return None
    map_url = map_page.get_url()
    places = PlacePage.objects.child_of(map_page).live().filter(not_restricted())
    categories = (
        places.exclude(category=None)
        .values("category__name", "category__slug")
        .annotate(n=Count("pk"))
        .order_by("-n", "category__name")[:TOP_CATEGORIES]
    )
    points = places.exclude(latitude=None).values_list("latitude", "longitude")[:MAX_DOTS]
    return MapTeaser(
        map_url=map_url,
        suggest_url=map_url + map_page.reverse_subpage("suggest_route"),
        place_count=places.count(),
        categories=[
            (c["category__name"], c["n"], f"{map_url}?kategori={c['category__slug']}")
            for c in categories
        ],
        dots=[_dot(lat, lng) for lat, lng in points if ISHOJ_BBOX.contains(lat, lng)],
    )


def map_teaser(site: Site | None) -> MapTeaser | None:
    """The teaser for `site`, or None while it has no published map."""
    if site is None:
        return None
    key = TEASER_KEY.format(site_id=site.pk)
    teaser = cache.get(key)
    if teaser is None:
        teaser = _build(site) or False  # False: "no map", remembered too
        cache.set(key, teaser, TEASER_TIMEOUT)
    return teaser or None


def forget(**kwargs) -> None:
    site_ids = Site.objects.values_list("pk", flat=True)
    cache.delete_many([TEASER_KEY.format(site_id=pk) for pk in site_ids])
