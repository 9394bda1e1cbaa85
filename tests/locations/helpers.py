"""Factories for the community map: the Kort page, taxonomy and places."""

import itertools

from home.text import slugify_da
from locations.models import Facility, MapPage, PlaceCategory, PlacePage
from tests.factories import home_page

_counter = itertools.count(1)


def map_page() -> MapPage:
    home = home_page()
    existing = MapPage.objects.child_of(home).first()
    if existing:
        return existing
    page = MapPage(title="Kort", slug="kort", show_in_menus=True, intro="Steder i Ishøj.")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def category(name="Legeplads") -> PlaceCategory:
    term, _ = PlaceCategory.objects.get_or_create(name=name, defaults={"slug": slugify_da(name)})
    return term


def facility(name="Toilet") -> Facility:
    term, _ = Facility.objects.get_or_create(name=name, defaults={"slug": slugify_da(name)})
    return term


def make_place(
    title=None,
    cat="Legeplads",
    facilities=(),
    point=(55.6150, 12.3500),
    publish=True,
    parent=None,
    **fields,
) -> PlacePage:
    parent = parent or map_page()
    n = next(_counter)
    title = title or f"Sted nummer {n}"
    place = PlacePage(
        title=title,
        slug=fields.pop("slug", f"{slugify_da(title)}-{n}"),
        category=category(cat) if isinstance(cat, str) else cat,
        intro=fields.pop("intro", f"Kort om {title}."),
        **fields,
    )
    if point:
        place.set_point(*point)
    place.facilities.set([facility(f) if isinstance(f, str) else f for f in facilities])
    if not publish:
        place.live = False
    parent.add_child(instance=place)
    revision = place.save_revision(clean=publish)
    if publish:
        revision.publish()
    place.refresh_from_db()
    return place
