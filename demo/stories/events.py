"""Demo content for 'Det sker': the recurring activities the demo stories tell about.

Idempotent: the index, categories and events are looked up by slug and what
exists is left as it is, so a second run changes nothing (and never overwrites
an editor's changes). Events are linked to `locations.PlacePage` rows with the
same slug when the map demo has created them; otherwise they carry their own
address and coordinates.
"""

from datetime import date, time, timedelta

from django.apps import apps
from django.utils import timezone
from wagtail.models import Locale

from home.models import HomePage
from stories.models import (
    EventCancellation,
    EventCategory,
    EventIndexPage,
    EventMove,
    EventPage,
    StoryPage,
)

from .dates import (
    APRIL,
    MARCH,
    OCTOBER,
    SATURDAY,
    SEPTEMBER,
    SUNDAY,
    TUESDAY,
    next_in_month,
    nth_weekday,
    series_start,
    weeks_ahead,
)

CATEGORIES = [
    ("cafe-og-faellesskab", "Café og fællesskab"),
    ("boern-og-familie", "Børn og familie"),
    ("natur-og-miljoe", "Natur og miljø"),
    ("mad-og-kultur", "Mad og kultur"),
    ("genbrug", "Genbrug og bytte"),
    ("have-og-groent", "Have og grønt"),
]


def _season(today: date) -> int:
    """The year of the garden season that is running or comes next (April–October)."""
    return today.year if today <= nth_weekday(today.year, OCTOBER, SATURDAY, 1) else today.year + 1


def events(today: date) -> list[dict]:
    """Each event: its fields, the place slug to link, fallback place data, the story
    slugs it belongs to, category slugs, cancellations and moves. Dates are counted
    from `today` (see demo.stories.dates)."""
    cafe_cancelled = weeks_ahead(today, TUESDAY, 3)
    cafe_moved = weeks_ahead(today, TUESDAY, 6)
    season = _season(today)
    return [
        {
            "slug": "cafe-solstraalen",
            "title": "Café Solstrålen",
            "intro": "Hver tirsdag mødes ældre til kaffe, kage og en god snak i Kulturhuset AAB. "
            "Alle er velkomne – kom alene eller tag naboen med.",
            "start_date": series_start(today, TUESDAY),
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
            "cancellations": [(cafe_cancelled, "Kulturhuset holder lukket den dag")],
            "moves": [
                (
                    cafe_moved,
                    cafe_moved + timedelta(days=1),
                    time(13, 0),
                    time(16, 0),
                    "Salen er optaget om tirsdagen: onsdag i stedet",
                )
            ],
        },
        {
            "slug": "aktiviteter-for-boern",
            "title": "Aktiviteter for børn på Bredekærgård",
            "intro": "Første søndag i hver måned hygger vi, klipper og klistrer, leger og laver "
            "mad over bålet i haven på Bredekærgård.",
            "start_date": series_start(today, SUNDAY),
            "start_time": time(11, 0),
            "end_time": time(15, 0),
            "frequency": "maanedlig",
            "monthly_ordinal": 1,
            "monthly_weekday": 6,
            "organiser": "Forældre-netværket Aktiviteter for børn",
            "audience": ["boern", "familier"],
            "place": (
                "bredekaergaard",
                "Bredekærgård",
                "Bredekærvej, 2635 Ishøj",
                55.6098,
                12.3470,
            ),
            "stories": ["byttemarked-paa-bredekaergaard"],
            "categories": ["boern-og-familie"],
        },
        {
            "slug": "byttemarked-i-glashuset",
            "title": "Byttemarked i Glashuset",
            "intro": "Tag det tøj og legetøj med, børnene er vokset fra, og byt dig til noget nyt. "
            "Arrangeret af Aktiviteter for børn og Glashuset.",
            "start_date": next_in_month(today, MARCH, SATURDAY, 1),
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
            "intro": "Danmarks Naturfredningsforenings årlige affaldsindsamling – med "
            "affaldsbasket, skattejagt for børn og Havhytten som base.",
            "start_date": next_in_month(today, APRIL, SATURDAY, -1),
            "start_time": time(10, 0),
            "end_time": time(13, 0),
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
            "start_date": nth_weekday(season, APRIL, SATURDAY, 1),
            "start_time": time(10, 0),
            "end_time": time(13, 0),
            "frequency": "ugentlig",
            "interval": 2,
            "weekdays": [5],
            "repeat_until": nth_weekday(season, OCTOBER, SATURDAY, 1),
            "organiser": "Dyrk Ishøj og AAB Vejleåparken",
            "audience": ["alle"],
            "place": ("", "Byhaverne i Vejleåparken", "Vejleåparken, 2635 Ishøj", 55.6182, 12.3435),
            "stories": ["dyrk-ishoej"],
            "categories": ["have-og-groent"],
        },
        {
            "slug": "smag-paa-verden",
            "title": "Smag på verden",
            "intro": "Stor kulturfest på Bredekærgård, hvor vi mødes og præsenterer vores "
            "forskellige kulturer gennem mad, musik og dans.",
            "start_date": next_in_month(today, SEPTEMBER, SATURDAY, 2),
            "start_time": time(12, 0),
            "end_time": time(18, 0),
            "organiser": "Vores Ishøj og foreningerne",
            "audience": ["alle"],
            "is_free": False,
            "price_dkk": "25.00",
            "place": (
                "bredekaergaard",
                "Bredekærgård",
                "Bredekærvej, 2635 Ishøj",
                55.6098,
                12.3470,
            ),
            "stories": ["smag-paa-verden"],
            "categories": ["mad-og-kultur"],
        },
        {
            "slug": "havhyttenfri",
            "title": "HavhyttenFri – åben weekend ved stranden",
            "intro": "Frivillige holder Havhytten åben i weekenden, så alle kan få en kop kaffe og "
            "en snak ved vandet.",
            "start_date": series_start(today, SATURDAY, weeks_back=26),
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


DATE_FIELDS = ("start_date", "end_date", "frequency", "repeat_until")


def edited_by_someone(page) -> bool:
    """Whether a person (not the demo, which saves without a user) has saved the page."""
    return page.revisions.exclude(user=None).exists()


def _is_stale(event: EventPage, today: date) -> bool:
    """Whether the event shows the demo's age: a one-off or a season already over,
    or an exception on a day gone by."""
    if event.frequency == "ingen" and (event.end_date or event.start_date) < today:
        return True
    if event.repeat_until is not None and event.repeat_until < today:
        return True
    return any(c.date < today for c in event.cancellations.all()) or any(
        m.original_date < today for m in event.moves.all()
    )


def _refresh_dates(event: EventPage, data: dict, today: date) -> bool:
    """Move a demo event the demo alone has saved, once its dates have passed, to
    the dates counted from `today`, so a demo database started again weeks later
    is as credible as a new one. An event an editor has touched is left exactly
    as it is, and so is one whose dates still lie ahead (no revision a day)."""
    if not _is_stale(event, today) or edited_by_someone(event):
        return False
    for name in DATE_FIELDS:
        setattr(event, name, data.get(name, EventPage._meta.get_field(name).get_default()))
    event.cancellations = [
        EventCancellation(date=day, reason=reason) for day, reason in data.get("cancellations", [])
    ]
    event.moves = [
        EventMove(original_date=o, new_date=n, new_start_time=s, new_end_time=e, note=note)
        for o, n, s, e, note in data.get("moves", [])
    ]
    event.save_revision().publish()
    return True


def load(stdout) -> None:
    home = HomePage.objects.get(locale=Locale.get_default())
    index = _index(home)
    categories = {
        slug: EventCategory.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in CATEGORIES
    }
    today = timezone.localdate()
    wanted = events(today)
    new = moved = 0
    for data in wanted:
        existing = EventPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if existing is None:
            _create(index, data, categories)
            new += 1
        elif _refresh_dates(existing, data, today):
            moved += 1
    stdout.write(
        f"Begivenheder: {len(wanted)} under «{index.title}» – {new} nye, "
        f"{moved} flyttet til de kommende uger, {len(wanted) - new - moved} uændrede."
    )
