"""Template tags through which the front page and the footer show the map.

home's templates load this library; home's Python never imports locations
(the layering of issue 13).
"""

from django import template
from django.db import DatabaseError

from home.sites import site_for_request
from locations import hub

register = template.Library()


def _teaser(context):
    request = context.get("request")
    return hub.map_teaser(site_for_request(request) if request is not None else None)


@register.inclusion_tag("locations/hub/teaser.html", takes_context=True)
def map_teaser(context):
    """A small drawing of the places, the largest categories and the way to the map."""
    teaser = _teaser(context)
    # A line every kilometre (a teaser cached before the sketch had a scale has none).
    step = getattr(teaser, "scale", (0, ""))[0] // 2
    return {
        "teaser": teaser,
        "width": hub.SKETCH_WIDTH,
        "height": hub.SKETCH_HEIGHT,
        "grid_x": range(step, hub.SKETCH_WIDTH, step) if step else [],
        "grid_y": range(step, hub.SKETCH_HEIGHT, step) if step else [],
    }


@register.inclusion_tag("locations/hub/take_part_items.html", takes_context=True)
def place_take_part_items(context, footer=False):
    """ "Foreslå et sted" as a list item of the caller's list ("Vær med", the footer).
    In the footer a database outage leaves the link out rather than failing the page."""
    try:
        teaser = _teaser(context)
    except DatabaseError:
        if not footer:
            raise
        teaser = None
    return {"teaser": teaser, "footer": footer}
