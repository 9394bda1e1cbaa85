"""Links on an event page that help a resident get there and pass it on.

Directions go to OpenStreetMap's route planner or to the phone's own map app
through a `geo:` URI (RFC 5870); neither carries anything but the place.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

OSM_DIRECTIONS = "https://www.openstreetmap.org/directions"


@dataclass(frozen=True)
class Directions:
    route_url: str
    """OpenStreetMap's route planner with the place as destination (the start is
    left open, so the resident's own position or address is asked for)."""
    geo_url: str = ""
    """geo:lat,lon for the phone's map app; empty when only an address is known."""


def directions(coordinates: tuple[float, float] | None, address: str) -> Directions | None:
    if coordinates is not None:
        lat, lon = coordinates
        point = f"{lat:.6f},{lon:.6f}"
        return Directions(
            f"{OSM_DIRECTIONS}?{urlencode({'from': '', 'to': point})}", f"geo:{point}"
        )
    if address:
        return Directions(f"{OSM_DIRECTIONS}?{urlencode({'from': '', 'to': address})}")
    return None
