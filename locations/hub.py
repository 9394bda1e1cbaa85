"""What the community map gives the front page and the footer, without home
importing locations: a small teaser of the map and the "suggest a place" link.

home's templates load `locations.templatetags.locations_hub`. The teaser is the
same for every visitor, so it is kept in the default cache and forgotten when
a page is published, unpublished, moved or deleted (as home.page_chrome).

Its picture is a real map of the places (locations/static_map.py), rendered by
a task when the places change and stored under a name made from what it shows,
so the same places are never drawn twice. Until one exists (or while the tile
server cannot be reached) the teaser draws the places as dots in a sketch.
"""

from __future__ import annotations

import hashlib
import logging
import math
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import Count
from wagtail.models import Site

from home.visibility import not_restricted
from locations import static_map
from locations.geo import ISHOJ_BBOX
from locations.models import MapPage, PlacePage

logger = logging.getLogger("voresishoj.locations")

TEASER_TIMEOUT = 60
TEASER_KEY = "locations:teaser:{site_id}"
TOP_CATEGORIES = 4
# The teaser's drawing: a box this many units wide, Ishøj's bounding box inside it.
SKETCH_WIDTH = 320
SKETCH_HEIGHT = 200
MAX_DOTS = 300
MAX_LABELS = 5
KM_PER_DEGREE = 111.32
PICTURE_SIZE = (640, 400)
PICTURE_FOLDER = "kort"


@dataclass(frozen=True)
class MapTeaser:
    map_url: str
    suggest_url: str
    place_count: int
    categories: list[tuple[str, int, str]] = field(default_factory=list)
    """(name, how many places, the map's URL filtered to it), the largest first."""
    dots: list[tuple[int, int]] = field(default_factory=list)
    """Places as points in the sketch's units (x right, y down)."""
    picture_url: str = ""
    """The rendered map picture of these places, or "" while there is none."""
    labels: list[tuple[int, int, str, str]] = field(default_factory=list)
    """A few places' names beside their dots in the sketch (x, y, text-anchor, name),
    so it reads as a map."""
    scale: tuple[int, str] = (0, "")
    """The sketch's scale bar: its length in the sketch's units and what it measures."""


def _map_page(site: Site) -> MapPage | None:
    return (
        MapPage.objects.live()
        .filter(not_restricted(), path__startswith=site.root_page.path)
        .order_by("path")
        .first()
    )


def _places(map_page: MapPage):
    return PlacePage.objects.child_of(map_page).live().filter(not_restricted())


def _points(places) -> list[tuple[float, float]]:
    points = places.exclude(latitude=None).order_by("pk").values_list("latitude", "longitude")
    return [(lat, lng) for lat, lng in points[:MAX_DOTS] if ISHOJ_BBOX.contains(lat, lng)]


def picture_name(site: Site, points: list[tuple[float, float]]) -> str:
    """The picture's file name: what it shows and where the tiles came from."""
    recipe = repr((points, settings.MAP_TILE_URL, PICTURE_SIZE)).encode()
    return f"{PICTURE_FOLDER}/forside-{site.pk}-{hashlib.sha256(recipe).hexdigest()[:16]}.png"


def render_picture(site: Site) -> str | None:
    """Draw the site's teaser picture unless the same one exists; the file name,
    or None without a map, places or tiles. Older pictures of the site go."""
    map_page = _map_page(site)
    points = _points(_places(map_page)) if map_page else []
    if not points:
        return None
    name = picture_name(site, points)
    if not default_storage.exists(name):
        try:
            png = static_map.render(points, width=PICTURE_SIZE[0], height=PICTURE_SIZE[1])
        except static_map.TilesUnavailable as error:
            logger.warning("Front page map picture not drawn: %s", error)
            return None
        default_storage.save(name, ContentFile(png))
    try:
        _, files = default_storage.listdir(PICTURE_FOLDER)
    except FileNotFoundError:
        files = []
    for old in files:
        if old.startswith(f"forside-{site.pk}-") and f"{PICTURE_FOLDER}/{old}" != name:
            default_storage.delete(f"{PICTURE_FOLDER}/{old}")
    forget()
    return name


def _dot(lat: float, lng: float) -> tuple[int, int]:
    box = ISHOJ_BBOX
    x = (lng - box.west) / (box.east - box.west) * SKETCH_WIDTH
    y = (box.north - lat) / (box.north - box.south) * SKETCH_HEIGHT
    return round(x), round(y)


def sketch_scale(km: int = 2) -> tuple[int, str]:
    """A scale bar of `km` in the sketch's units: Ishøj's box is about 10 km across."""
    box = ISHOJ_BBOX
    width_km = (
        (box.east - box.west) * KM_PER_DEGREE * math.cos(math.radians((box.north + box.south) / 2))
    )
    return round(km * SKETCH_WIDTH / width_km), f"{km} km"


LABEL_CHAR_WIDTH = 6.5
"""About how wide a letter of the sketch's 11-unit type is, in the sketch's units."""
# Corners the sketch writes in itself: its heading, north, the scale bar.
SKETCH_FURNITURE = ((0, 0, 130, 26), (SKETCH_WIDTH - 28, 0, SKETCH_WIDTH, 42), (0, 170, 90, 200))


def _overlaps(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _labels(places) -> list[tuple[int, int, str, str]]:
    """The first places' names beside their dots: (x, y, text-anchor, name). A
    name goes left of its dot where it would run off the sketch, and is left out
    where it would cover another name, another dot or the sketch's own corners."""
    named = places.exclude(latitude=None).order_by("path")
    rows = [
        (title, *_dot(lat, lng))
        for title, lat, lng in named.values_list("title", "latitude", "longitude")[:MAX_DOTS]
        if ISHOJ_BBOX.contains(lat, lng)
    ]
    taken = [*SKETCH_FURNITURE, *((x - 4, y - 4, x + 4, y + 4) for _, x, y in rows)]
    labels: list[tuple[int, int, str, str]] = []
    for title, x, y in rows:
        width = len(title) * LABEL_CHAR_WIDTH
        if x + 7 + width <= SKETCH_WIDTH - 4:
            box, label = (x + 7, y - 8, x + 7 + width, y + 6), (x + 7, y + 4, "start", title)
        else:
            box, label = (x - 7 - width, y - 8, x - 7, y + 6), (x - 7, y + 4, "end", title)
        if box[0] < 0 or any(_overlaps(box, other) for other in taken):
            continue
        taken.append(box)
        labels.append((round(label[0]), label[1], label[2], title))
        if len(labels) == MAX_LABELS:
            break
    return labels


def _build(site: Site) -> MapTeaser | None:
    map_page = _map_page(site)
    if map_page is None:
        return None
    map_url = map_page.get_url()
    places = _places(map_page)
    categories = (
        places.exclude(category=None)
        .values("category__name", "category__slug")
        .annotate(n=Count("pk"))
        .order_by("-n", "category__name")[:TOP_CATEGORIES]
    )
    points = _points(places)
    name = picture_name(site, points) if points else ""
    return MapTeaser(
        map_url=map_url,
        suggest_url=map_url + map_page.reverse_subpage("suggest_route"),
        place_count=places.count(),
        categories=[
            (c["category__name"], c["n"], f"{map_url}?kategori={c['category__slug']}")
            for c in categories
        ],
        dots=[_dot(lat, lng) for lat, lng in points],
        labels=_labels(places),
        scale=sketch_scale(),
        picture_url=default_storage.url(name) if name and default_storage.exists(name) else "",
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
