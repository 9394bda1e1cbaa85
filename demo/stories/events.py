"""Demo content for 'Det sker': the recurring activities the demo stories tell about.

Idempotent: the index, categories and events are looked up by slug and what
exists is left as it is, so a second run changes nothing (and never overwrites
an editor's changes). Events are linked to `locations.PlacePage` rows with the
same slug when the map demo has created them; otherwise they carry their own
address and coordinates.
"""

from datetime import date, time

from django.apps import apps

from home.models import HomePage
from stories.models import (
    EventCancellation,
    EventCategory,
    EventIndexPage,
    EventMove,
    EventPage,
    StoryPage,
)

CATEGORIES = [
    ("cafe-og-faellesskab", "Café og fællesskab"),
    ("boern-og-familie", "Børn og familie"),
    ("natur-og-miljoe", "Natur og miljø"),
    ("mad-og-kultur", "Mad og kultur"),
    ("genbrug", "Genbrug og bytte"),
    ("have-og-groent", "Have og grønt"),
]

# Each event: its fields, the place slug to link, fallback place data, the story
# slugs it belongs to, category slugs, cancellations and moves.
EVENTS = [
    {
        "slug": "cafe-solstraalen",
        "title": "Café Solstrålen",
        "intro": "Hver tirsdag mødes ældre til kaffe, kage og en god snak i Kulturhuset AAB. "
        "Alle er velkomne – kom alene eller tag naboen med.",
        "start_date": date(2025, 1, 7),
        "start_time": time(13, 0),
        "end_time": time(16, 0),
        "frequency": "ugentlig",
        "weekdays": [1],
        "organiser": "AAB, Ældresagen og Ishøj Kommune",
        "contact": "Ældresagen Ishøj",
        "audience": ["aeldre"],
        "accessibility": "Trappefri adgang og handicaptoilet.",
        "place": (
            "kulturhuset-aab",
            "Kulturhuset AAB",
            "Vejleåparken, 2635 Ishøj",
            55.6178,
            12.3428,
        ),
        "stories": ["cafe-solstraalen"],
        "categories": ["cafe-og-faellesskab"],
        "cancellations": [(date(2026, 12, 22), "Juleferie"), (date(2026, 12, 29), "Juleferie")],
        "moves": [
            (
                date(2027, 2, 16),
                date(2027, 2, 17),
                time(13, 0),
                time(16, 0),
                "Vinterferie: onsdag i stedet",
            )
        ],
    },
    {
        "slug": "aktiviteter-for-boern",
        "title": "Aktiviteter for børn på Bredekærgård",
        "intro": "Første søndag i hver måned hygger vi, klipper og klistrer, leger og laver mad "
        "over bålet i haven på Bredekærgård.",
        "start_date": date(2025, 1, 5),
        "start_time": time(11, 0),
        "end_time": time(15, 0),
        "frequency": "maanedlig",
        "monthly_ordinal": 1,
        "monthly_weekday": 6,
        "organiser": "Forældre-netværket Aktiviteter for børn",
        "audience": ["boern", "familier"],
        "place": ("bredekaergaard", "Bredekærgård", "Bredekærvej, 2635 Ishøj", 55.6098, 12.3470),
        "stories": ["byttemarked-paa-bredekaergaard"],
        "categories": ["boern-og-familie"],
    },
    {
        "slug": "byttemarked-i-glashuset",
        "title": "Byttemarked i Glashuset",
        "intro": "Tag det tøj og legetøj med, børnene er vokset fra, og byt dig til noget nyt. "
        "Arrangeret af Aktiviteter for børn og Glashuset.",
        "start_date": date(2027, 3, 6),
        "start_time": time(10, 0),
        "end_time": time(14, 0),
        "organiser": "Aktiviteter for børn og Glashuset",
        "audience": ["familier", "alle"],
        "place": ("glashuset", "Glashuset", "Vejleåparken, 2635 Ishøj", 55.6170, 12.3440),
        "stories": ["byttemarked-paa-bredekaergaard"],
        "categories": ["genbrug", "boern-og-familie"],
    },
    {
        "slug": "affaldsindsamling-paa-ishoej-strand",
        "title": "Affaldsindsamling på Ishøj Strand",
        "intro": "Danmarks Naturfredningsforenings årlige affaldsindsamling – med affaldsbasket, "
        "skattejagt for børn og Havhytten som base.",
        "start_date": date(2026, 4, 25),
        "start_time": time(10, 0),
        "end_time": time(13, 0),
        "frequency": "aarlig",
        "organiser": "Danmarks Naturfredningsforening og lokale partnere",
        "audience": ["alle"],
        "place": (
            "havhytten",
            "Havhytten ved Ishøj Strand",
            "Ishøj Strand, 2635 Ishøj",
            55.6031,
            12.3650,
        ),
        "stories": ["affaldsindsamling-paa-ishoej-strand"],
        "categories": ["natur-og-miljoe"],
    },
    {
        "slug": "dyrk-ishoej-plantedag",
        "title": "Dyrk Ishøj: plantedag i byhaverne",
        "intro": "Hver anden lørdag i sæsonen sår, planter og luger vi sammen i de små byhaver "
        "i Vejleåparken. Redskaber og frø er der.",
        "start_date": date(2026, 4, 4),
        "start_time": time(10, 0),
        "end_time": time(13, 0),
        "frequency": "ugentlig",
        "interval": 2,
        "weekdays": [5],
        "repeat_until": date(2027, 10, 2),
        "organiser": "Dyrk Ishøj og AAB Vejleåparken",
        "audience": ["alle"],
        "place": ("", "Byhaverne i Vejleåparken", "Vejleåparken, 2635 Ishøj", 55.6182, 12.3435),
        "stories": ["dyrk-ishoej"],
        "categories": ["have-og-groent"],
        "cancellations": [(date(2026, 11, 28), "Frost – vi ses til foråret")],
    },
    {
        "slug": "smag-paa-verden",
        "title": "Smag på verden",
        "intro": "Stor kulturfest på Bredekærgård, hvor vi mødes og præsenterer vores forskellige "
        "kulturer gennem mad, musik og dans.",
        "start_date": date(2025, 9, 13),
        "start_time": time(12, 0),
        "end_time": time(18, 0),
        "frequency": "aarlig",
        "organiser": "Vores Ishøj og foreningerne",
        "audience": ["alle"],
        "is_free": False,
        "price_dkk": "25.00",
        "place": ("bredekaergaard", "Bredekærgård", "Bredekærvej, 2635 Ishøj", 55.6098, 12.3470),
        "stories": ["smag-paa-verden"],
        "categories": ["mad-og-kultur"],
    },
    {
        "slug": "havhyttenfri",
        "title": "HavhyttenFri – åben weekend ved stranden",
        "intro": "Frivillige holder Havhytten åben i weekenden, så alle kan få en kop kaffe og "
        "en snak ved vandet.",
        "start_date": date(2026, 5, 2),
        "start_time": time(11, 0),
        "end_time": time(16, 0),
        "frequency": "ugentlig",
        "weekdays": [5, 6],
        "organiser": "Frivillige i HavhyttenFri og Naturcenteret",
        "audience": ["alle"],
        "place": (
            "havhytten",
            "Havhytten ved Ishøj Strand",
            "Ishøj Strand, 2635 Ishøj",
            55.6031,
            12.3650,
        ),
        "stories": ["havhyttenfri"],
        "categories": ["natur-og-miljoe", "cafe-og-faellesskab"],
    },
]


def _index(home: HomePage) -> EventIndexPage:
    index = EventIndexPage.objects.child_of(home).filter(slug="det-sker").first()
    if index is None:
        index = EventIndexPage(
            title="Det sker",
            slug="det-sker",
            show_in_menus=True,
            intro="Café, bål, byttemarked og plantedage: det sker i Ishøj i dag, i weekenden "
            "og den næste måned.",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _place(slug: str):
    if not slug or not apps.is_installed("locations"):
        return None
    return apps.get_model("locations", "PlacePage").objects.filter(slug=slug).first()


def _create(index: EventIndexPage, data: dict, categories: dict[str, EventCategory]) -> EventPage:
    data = dict(data)
    place_slug, place_name, address, lat, lng = data.pop("place")
    story_slugs = data.pop("stories")
    category_slugs = data.pop("categories")
    cancellations = data.pop("cancellations", [])
    moves = data.pop("moves", [])
    place = _place(place_slug)
    event = EventPage(
        **data,
        place=place,
        # With a place on the map the event borrows its address and point.
        place_name="" if place else place_name,
        address="" if place else address,
        latitude=None if place else lat,
        longitude=None if place else lng,
    )
    for day, reason in cancellations:
        event.cancellations.add(EventCancellation(date=day, reason=reason))
    for original, new_date, start, end, note in moves:
        event.moves.add(
            EventMove(
                original_date=original,
                new_date=new_date,
                new_start_time=start,
                new_end_time=end,
                note=note,
            )
        )
    index.add_child(instance=event)
    event.categories.set([categories[s] for s in category_slugs])
    event.stories.set(StoryPage.objects.filter(slug__in=story_slugs))
    event.save_revision().publish()
    return event


def load(stdout) -> None:
    home = HomePage.objects.get()
    index = _index(home)
    categories = {
        slug: EventCategory.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in CATEGORIES
    }
    new = 0
    for data in EVENTS:
        if EventPage.objects.child_of(index).filter(slug=data["slug"]).exists():
            continue
        _create(index, data, categories)
        new += 1
    stdout.write(
        f"Begivenheder: {len(EVENTS)} under «{index.title}» – {new} nye, "
        f"{len(EVENTS) - new} uændrede."
    )
