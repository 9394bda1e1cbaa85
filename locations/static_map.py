"""A map picture for the front page: the tiles of the portal's own tile server
(MAP_TILE_URL, the one the community map uses), stitched with Pillow, with a
pin for every place and the tiles' attribution in a corner.

Rendered in a task when places change (locations.tasks), never in a request,
and stored as a file the front page links to, so a visitor's browser loads
nothing from the tile server for the teaser.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

import requests
from django.conf import settings
from PIL import Image, ImageDraw, ImageFont

from locations.geo import ISHOJ_BBOX, BoundingBox

TILE = 256
MAX_ZOOM = 16
PIN_RADIUS = 9
PIN_COLOUR = (11, 92, 138)  # --brand
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
TIMEOUT = 10


class TilesUnavailable(Exception):
    """The tile server did not give every tile; the caller keeps the old picture or none."""


@dataclass(frozen=True)
class View:
    zoom: int
    left: float
    """World pixel x of the picture's left edge at this zoom."""
    top: float

    def pixel(self, lat: float, lng: float) -> tuple[float, float]:
        x, y = world_pixel(lat, lng, self.zoom)
        return x - self.left, y - self.top


def world_pixel(lat: float, lng: float, zoom: int) -> tuple[float, float]:
    """Web Mercator, as the tile servers and Leaflet use it."""
    scale = TILE * 2**zoom
    sin = math.sin(math.radians(lat))
    x = (lng + 180) / 360 * scale
    y = (0.5 - math.log((1 + sin) / (1 - sin)) / (4 * math.pi)) * scale
    return x, y


def fit(box: BoundingBox, width: int, height: int) -> View:
    """The largest zoom at which the box fits the picture, centred."""
    for zoom in range(MAX_ZOOM, 0, -1):
        west, north = world_pixel(box.north, box.west, zoom)
        east, south = world_pixel(box.south, box.east, zoom)
        if east - west <= width and south - north <= height:
            break
    return View(zoom, (west + east - width) / 2, (north + south - height) / 2)


def _tiles(view: View, width: int, height: int, url: str) -> Image.Image:
    picture = Image.new("RGB", (width, height))
    session = requests.Session()
    session.headers["User-Agent"] = settings.MAP_TILE_USER_AGENT
    first_x, first_y = int(view.left // TILE), int(view.top // TILE)
    last_x, last_y = int((view.left + width) // TILE), int((view.top + height) // TILE)
    for x in range(first_x, last_x + 1):
        for y in range(first_y, last_y + 1):
            try:
                response = session.get(url.format(z=view.zoom, x=x, y=y), timeout=TIMEOUT)
                response.raise_for_status()
                tile = Image.open(io.BytesIO(response.content)).convert("RGB")
            except (requests.RequestException, OSError) as error:
                raise TilesUnavailable(str(error)) from error
            picture.paste(tile, (round(x * TILE - view.left), round(y * TILE - view.top)))
    return picture


def render(
    points: list[tuple[float, float]],
    *,
    width: int = 640,
    height: int = 400,
    box: BoundingBox = ISHOJ_BBOX,
) -> bytes:
    """A PNG of the box with a pin per (lat, lng); TilesUnavailable without tiles."""
    url = settings.MAP_TILE_URL
    if not url:
        raise TilesUnavailable("MAP_TILE_URL er tom")
    view = fit(box, width, height)
    picture = _tiles(view, width, height, url)
    draw = ImageDraw.Draw(picture)
    for lat, lng in points:
        x, y = view.pixel(lat, lng)
        r = PIN_RADIUS
        draw.ellipse((x - r, y - r, x + r, y + r), fill=PIN_COLOUR, outline="white", width=3)
    _attribution(draw, width, height)
    out = io.BytesIO()
    picture.save(out, "PNG", optimize=True)
    return out.getvalue()


def _attribution(draw: ImageDraw.ImageDraw, width: int, height: int) -> None:
    text = settings.MAP_TILE_ATTRIBUTION_TEXT
    try:
        font = ImageFont.truetype(FONT, 12)
    except OSError:
        font = ImageFont.load_default()
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    w, h = right - left + 8, bottom - top + 6
    draw.rectangle((width - w, height - h, width, height), fill=(255, 255, 255))
    draw.text((width - w + 4, height - h + 2 - top), text, fill=(40, 40, 40), font=font)
