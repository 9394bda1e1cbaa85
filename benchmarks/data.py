"""Stories in bulk for benchmarks: realistic shape (hero image, body with an
image, topics, partners), built fast by reusing a handful of images; and the
Arabic tree beside the Danish one (the front page, "Historier" and the newest
stories translated), so every language is measured as a reader meets it."""

import io

from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale

from home.models import HomePage
from stories.models import Partner, PartnerKind, StoryIndexPage, StoryPage
from stories.topics import refresh_topics

TOPICS = ["natur", "ældre", "mad", "fællesskab", "børn og familier", "unge", "byudvikling"]


def _images(count: int = 5):
    Image = get_image_model()
    images = list(Image.objects.filter(title__startswith="Benchmark-billede"))
    for n in range(len(images), count):
        buffer = io.BytesIO()
        PILImage.new("RGB", (1600, 1000), (30 + n * 40, 110, 160)).save(buffer, "JPEG", quality=80)
        images.append(
            Image.objects.create(
                title=f"Benchmark-billede {n}", file=ImageFile(buffer, name=f"bench-{n}.jpg")
            )
        )
    return images


def ensure_stories(total: int) -> int:
    """Make sure `total` live stories exist; return how many were created."""
    home = HomePage.objects.get(locale=Locale.get_default())
    index = StoryIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=StoryIndexPage(title="Historier", slug="historier", show_in_menus=True)
        )
    images = _images()
    partners = [
        Partner.objects.get_or_create(name=name, defaults={"kind": kind})[0]
        for name, kind in [("Ældresagen", PartnerKind.ASSOCIATION), ("AAB", PartnerKind.HOUSING)]
    ]
    existing = StoryPage.objects.filter(locale=index.locale).count()
    with transaction.atomic():
        for n in range(existing, total):
            image = images[n % len(images)]
            story = StoryPage(
                title=f"Historie {n + 1} fra Ishøj",
                slug=f"benchmark-historie-{n + 1}",
                intro="Naboer mødes på tværs af alder og kultur i Vejleåparken.",
                image=image,
                image_alt="Naboer samlet omkring et bord",
                body=[
                    ("heading", {"text": "Sådan begyndte det", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>" + "Fællesskab opstår, når nogen tager initiativ. " * 20 + "</p>",
                    ),
                    (
                        "image",
                        {
                            "image": images[(n + 1) % len(images)],
                            "alt_text": "Frivillige i køkkenet",
                            "caption": "",
                            "credit": "",
                        },
                    ),
                    (
                        "quote",
                        {"quote": "Her kender vi hinanden.", "name": "Mette", "role": "frivillig"},
                    ),
                    ("paragraph", "<p>" + "Alle kan give en hånd med et par timer. " * 20 + "</p>"),
                ],
            )
            index.add_child(instance=story)
            story.tags.add(TOPICS[n % len(TOPICS)], TOPICS[(n + 3) % len(TOPICS)])
            story.partners.set(partners[: 1 + n % 2])
            story.save()
    # Publishing keeps the topic table true (stories/topics.py); stories made
    # with add_child are not published, so count them as a real archive is.
    refresh_topics()
    return max(0, total - existing)


def _event_index(home):
    from stories.models import EventIndexPage

    index = EventIndexPage.objects.child_of(home).filter(slug="det-sker").first()
    if index is None:
        index = home.add_child(
            instance=EventIndexPage(title="Det sker", slug="det-sker", show_in_menus=True)
        )
    return index


def ensure_events(total: int) -> int:
    """Make sure `total` live events exist under "Det sker"; return how many were created.

    A mix like the real calendar: most are single dates spread over the next three
    months (so the feed has a full window), every fifth repeats weekly.
    """
    import datetime

    from django.utils import timezone

    from stories.models import EventCategory, EventPage

    home = HomePage.objects.get(locale=Locale.get_default())
    index = _event_index(home)
    categories = [
        EventCategory.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in [("cafe-og-faellesskab", "Café og fællesskab"), ("genbrug", "Genbrug")]
    ]
    today = timezone.localdate()
    existing = EventPage.objects.count()
    with transaction.atomic():
        for n in range(existing, total):
            weekly = n % 5 == 0
            event = EventPage(
                title=f"Begivenhed {n + 1} i Ishøj",
                slug=f"benchmark-begivenhed-{n + 1}",
                intro="Kaffe, kage og en god snak i Kulturhuset AAB. Alle er velkomne.",
                start_date=today + datetime.timedelta(days=n % 90),
                start_time=datetime.time(10 + n % 8, 0),
                end_time=datetime.time(12 + n % 8, 0),
                frequency="ugentlig" if weekly else "ingen",
                weekdays=[n % 7] if weekly else [],
                organiser="Frivillige i Vejleåparken",
                audience=["alle"],
                place_name="Kulturhuset AAB",
                address="Vejleåparken, 2635 Ishøj",
                latitude=55.6178,
                longitude=12.3428,
            )
            event.categories.set([categories[n % len(categories)]])
            index.add_child(instance=event)
    return max(0, total - existing)


def ensure_places(total: int) -> int:
    """Make sure `total` live places exist on the map ("kort"); return how many were created."""
    from locations.models import Facility, MapPage, PlaceCategory, PlacePage

    home = HomePage.objects.get(locale=Locale.get_default())
    map_page = MapPage.objects.child_of(home).filter(slug="kort").first()
    if map_page is None:
        map_page = home.add_child(instance=MapPage(title="Kort", slug="kort", show_in_menus=True))
    categories = [
        PlaceCategory.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in [("legeplads", "Legeplads"), ("moedested", "Mødested")]
    ]
    toilet = Facility.objects.get_or_create(slug="toilet", defaults={"name": "Toilet"})[0]
    existing = PlacePage.objects.count()
    with transaction.atomic():
        for n in range(existing, total):
            place = PlacePage(
                title=f"Sted {n + 1} i Ishøj",
                slug=f"benchmark-sted-{n + 1}",
                category=categories[n % len(categories)],
                intro="Legeplads med bænke og skygge, tæt på stien langs Ishøj Strand.",
                address="Ishøj Strandvej, 2635 Ishøj",
                opening_hours="Altid åben",
            )
            place.set_point(55.60 + (n % 40) * 0.001, 12.33 + (n // 40) * 0.002)
            place.facilities.set([toilet])
            map_page.add_child(instance=place)
    return max(0, total - existing)


def benchmark_story():
    """The story every page benchmark measures: the eleventh newest Danish one, so
    neither the front page's newest nor the archive's oldest."""
    return (
        StoryPage.objects.live()
        .filter(locale=Locale.get_default())
        .order_by("-date", "-pk")[BENCHMARK_STORY_INDEX]
    )


BENCHMARK_STORY_INDEX = 10
# The Arabic tree of the benchmark (issue 26: as fast in every language). The
# newest stories are translated, enough for the front page, the benchmark story
# and its "Flere historier", and an API list of 20 filtered by locale=ar.
TRANSLATED_LANGUAGE = "ar"
TRANSLATED_STORIES = 30
ARABIC = {
    "home": ("Vores Ishøj – إيشوي مدينتنا", "أهلًا بك في Vores Ishøj، مكان القصص الجميلة "
             "عن الناس الذين يعيشون هنا."),
    "historier": ("قصص", "حكايات من كل إيشوي: من الشاطئ وبريديكيرغورد إلى الأحياء."),
    "story_title": "القصة {n} من إيشوي",
    "story_intro": "يلتقي الجيران عبر العمر والثقافة في Vejleåparken.",
    "heading": "هكذا بدأ الأمر",
    "paragraph_1": "ينشأ المجتمع عندما يأخذ أحدهم المبادرة. ",
    "paragraph_2": "يمكن للجميع أن يمدّوا يد العون لبضع ساعات. ",
    "alt": "متطوعون في المطبخ",
    "hero_alt": "جيران مجتمعون حول طاولة",
    "quote": ("هنا نعرف بعضنا بعضًا.", "ميته", "متطوعة"),
}  # fmt: skip


def _arabic_body(danish_body) -> list:
    """The Danish story's body in Arabic, block for block (the same blocks and
    the same image, so the two languages render the same amount of page)."""
    texts = ARABIC
    image = next(block.value["image"] for block in danish_body if block.block_type == "image")
    return [
        ("heading", {"text": texts["heading"], "level": "h2"}),
        ("paragraph", "<p>" + texts["paragraph_1"] * 20 + "</p>"),
        ("image", {"image": image, "alt_text": texts["alt"], "caption": "", "credit": ""}),
        (
            "quote",
            {"quote": texts["quote"][0], "name": texts["quote"][1], "role": texts["quote"][2]},
        ),
        ("paragraph", "<p>" + texts["paragraph_2"] * 20 + "</p>"),
    ]


def _translate(page, locale: Locale):
    """The page's translation in `locale`, made as the "Oversæt" action makes it
    (a draft copy); the channels of a benchmark translation stay off."""
    from wagtail.actions.copy_for_translation import CopyPageForTranslationAction

    from channels.models import PageChannel
    from channels.registry import all_channels

    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    copy = CopyPageForTranslationAction(page=page, locale=locale).execute(
        skip_permission_checks=True
    )
    copy = copy.specific
    if hasattr(copy, "channel_settings"):
        copy.channel_settings.set(
            [PageChannel(channel=channel.alias, enabled=False) for channel in all_channels()]
        )
    return copy


def _publish(page, **values) -> bool:
    changed = not page.live or any(getattr(page, k) != v for k, v in values.items())
    if changed:
        for name, value in values.items():
            setattr(page, name, value)
        page.save_revision().publish()
    return changed


def ensure_translations(stories: int = TRANSLATED_STORIES) -> int:
    """The Arabic front page and "Historier" published, and the `stories` newest
    Danish stories translated into Arabic and published; return how many pages
    were made or changed."""
    from home.language_roots import ensure_locales, ensure_translated_roots

    ensure_locales()
    ensure_translated_roots()  # drafts of the front page and its sections, every language
    locale = Locale.objects.get(language_code=TRANSLATED_LANGUAGE)
    home = HomePage.objects.get(locale=Locale.get_default())
    index = StoryIndexPage.objects.child_of(home).get()
    changed = 0
    with transaction.atomic():
        title, intro = ARABIC["home"]
        changed += _publish(_translate(home, locale), title=title, intro=intro)
        title, intro = ARABIC["historier"]
        changed += _publish(_translate(index, locale), title=title, intro=intro)
        newest = StoryPage.objects.live().child_of(index).order_by("-date", "-pk")[:stories]
        for story in newest:
            number = story.slug.rsplit("-", 1)[-1]
            translation = _translate(story, locale)
            made = not translation.live
            values = {
                "title": ARABIC["story_title"].format(n=number),
                "intro": ARABIC["story_intro"],
                "image_alt": ARABIC["hero_alt"],
            }
            if made:
                translation.body = _arabic_body(story.body)
            changed += _publish(translation, **values)
    return changed


def translated_story(story, language: str = TRANSLATED_LANGUAGE):
    """`story`'s live translation in `language` (the benchmark's Arabic story)."""
    return (
        StoryPage.objects.live()
        .filter(translation_key=story.translation_key, locale__language_code=language)
        .get()
    )
