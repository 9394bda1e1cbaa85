"""Demo content for the community map: the Kort page, taxonomy and real places.

Idempotent: everything is matched by slug, and what exists is left as it is, so
a second run changes nothing (and never overwrites an editor's changes).
"""

from wagtail.models import Locale

from demo.places import CATEGORIES, FACILITIES, PLACES
from home.models import HomePage
from locations.models import Facility, MapPage, PlaceCategory, PlacePage


def _terms(model, rows) -> dict:
    terms = {}
    for slug, name in rows:
        terms[slug], _ = model.objects.get_or_create(slug=slug, defaults={"name": name})
    return terms


def _map_page(home) -> tuple[MapPage, bool]:
    existing = MapPage.objects.child_of(home).filter(slug="kort").first()
    if existing:
        return existing, False
    page = MapPage(
        title="Kort",
        slug="kort",
        show_in_menus=True,
        intro="Legepladser, strande, hundegårde, kulturhuse og mødesteder i Ishøj – "
        "på kortet og i listen. Filtrér efter kategori og faciliteter.",
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def load(stdout) -> None:
    home = HomePage.objects.get(locale=Locale.get_default())
    categories = _terms(PlaceCategory, CATEGORIES)
    facilities = _terms(Facility, FACILITIES)
    map_page, created = _map_page(home)
    if created:
        stdout.write("Oprettede siden Kort.")
    added = 0
    for slug, title, category, (lat, lng), address, facs, intro, hours, website in PLACES:
        if PlacePage.objects.child_of(map_page).filter(slug=slug).exists():
            continue
        place = PlacePage(
            title=title,
            slug=slug,
            category=categories[category],
            intro=intro,
            address=address,
            opening_hours=hours,
            website=website,
        )
        place.set_point(lat, lng)
        place.facilities.set([facilities[f] for f in facs])
        map_page.add_child(instance=place)
        place.save_revision().publish()
        added += 1
    stdout.write(f"Steder på kortet: {added} nye, {len(PLACES) - added} fandtes i forvejen.")
