"""Coordinates: the geowidget's text format and the bounding box of Ishøj.

wagtailgeowidget's LeafletPanel stores a point as the text "SRID=4326;POINT(lng lat)"
and has no support for separate latitude/longitude fields, so places keep that text for
the widget and copy it into two FloatFields that everything else reads.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext

_POINT = re.compile(
    r"^\s*SRID=(?P<srid>\d+);\s*POINT\s*\(\s*(?P<lng>-?\d+(?:\.\d+)?)\s+(?P<lat>-?\d+(?:\.\d+)?)\s*\)\s*$",
    re.IGNORECASE,
)
_LATLNG = re.compile(r"^\s*(?P<lat>-?\d+(?:\.\d+)?)\s*,\s*(?P<lng>-?\d+(?:\.\d+)?)\s*$")


@dataclass(frozen=True)
class BoundingBox:
    south: float
    west: float
    north: float
    east: float

    def contains(self, lat: float, lng: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lng <= self.east


# Ishøj Municipality with a small margin (the coast, Tranegilde and Thorslunde included).
ISHOJ_BBOX = BoundingBox(south=55.57, west=12.24, north=55.66, east=12.40)
ISHOJ_CENTER = (55.6155, 12.3320)


def parse_location(value: str) -> tuple[float, float] | None:
    """(lat, lng) from the widget's "SRID=4326;POINT(lng lat)" or a plain "lat,lng"."""
    if not value:
        return None
    match = _POINT.match(value) or _LATLNG.match(value)
    if not match:
        return None
    return float(match["lat"]), float(match["lng"])


def build_location(lat: float, lng: float) -> str:
    """The widget's format, so a point set in code shows up on the admin map."""
    return f"SRID=4326;POINT({lng} {lat})"


def map_config(center=ISHOJ_CENTER, zoom=13) -> dict:
    """Settings for static/js/map.js; an empty tile URL means markers without tiles.
    The texts are Leaflet's own (zoom buttons, attribution) and the clusters',
    in the reader's language."""
    return {
        "tileUrl": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "center": list(center),
        "zoom": zoom,
        "iconPath": settings.STATIC_URL + "vendor/leaflet/images/",
        "texts": {
            "zoomIn": gettext("Zoom ind"),
            "zoomOut": gettext("Zoom ud"),
            "attributionPrefix": '<a href="https://leafletjs.com" title="{}">Leaflet</a>'.format(
                gettext("Kortet er lavet med Leaflet")
            ),
            "cluster": gettext("{count} steder her – tryk for at zoome ind"),
            "more": gettext("Læs mere om {name}"),
            "noCategory": gettext("Uden kategori"),
            "empty": gettext("Ingen steder passer til filtrene."),
            "count": gettext("Viser {shown} af {total} steder."),
        },
    }
