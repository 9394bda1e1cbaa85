"""Demo: the five interest groups with task boards, an open photo call with
approved photos, and residents' recipes ("Mad med historie").

The groups are the ones the secretariat's status reports name (Cykling uden
alder, Ældres netværk, Centergruppen for byfornyelse, Affaldsindsamling, Dyrk
Ishøj). Idempotent: anything already there by slug is left as it is.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from demo.images import demo_image
from demo.stories.dates import task_day
from demo.stories.events import edited_by_someone
from home.models import HomePage
from home.uploads import approved_collection
from stories.community.submissions import recipe_block
from stories.models import (
    EventPage,
    GroupIndexPage,
    GroupPage,
    GroupTask,
    GroupUpdate,
    PhotoCallPage,
    PhotoStatus,
    PhotoSubmission,
    StoryIndexPage,
    StoryPage,
)

GROUPS = [
    ("cykling-uden-alder", "Cykling uden alder", "trishaw",
     "Frivillige cykelpiloter tager ældre fra plejecentrene med på ture i rickshaw langs "
     "stranden og gennem byen. Gymnasiets elever er med som piloter.",
     "Jytte", [("piloter til søndagsturen", 3, 5), ("til at vaske cyklerne", 1, 12)]),
    ("aeldres-netvaerk", "Ældres netværk", "cafe",
     "Et netværk for ældre i Ishøj, der mødes i ældrecaféerne og hjælper hinanden med at "
     "komme ud og møde nye mennesker.",
     "Bent", [("til at bage kage til caféen", 2, 4), ("til at lave plakater", 1, 9)]),
    ("centergruppen", "Centergruppen", "town",
     "Centergruppen for byfornyelse samler naboer, butikker og boligforeninger om ideer til "
     "et levende bycenter – fx Store Grill Dag i Strandparken.",
     "Mia", [("til at grille", 3, 14), ("til at lave plakater", 1, 7)]),
    ("affaldsindsamling", "Affaldsindsamling", "beach",
     "Sammen med Danmarks Naturfredningsforening samler vi affald på Ishøj Strand og i "
     "byens grønne områder – med handsker, tænger og kaffe bagefter.",
     "Lars", [("til at dele handsker og sække ud", 2, 10), ("til at samle ind", 10, 10)]),
    ("dyrk-ishoej", "Dyrk Ishøj", "garden",
     "Et byhaveprojekt, hvor naboer går sammen om små byhaver rundt om i bebyggelserne, "
     "blandt andet i Vejleåparken.",
     "Sanne", [("til at bygge højbede", 4, 6), ("til at vande i ferien", 1, 20)]),
]  # fmt: skip

# The groups' demo pictures are drawings (demo/images.py); their text alternatives.
SCENE_ALT = {
    "trishaw": "Tegning af en rickshaw-cykel på stien langs stranden",
    "cafe": "Tegning af kaffekopper og kage på et cafébord",
    "town": "Tegning af butikker og træer i bycentret",
    "beach": "Tegning af stranden med sække til affald",
    "garden": "Tegning af højbede med grøntsager mellem blokkene",
}

# What each group's page lists under "Det sker i gruppen" and "Historier":
# (event slugs, story slugs).
GROUP_LINKS = {
    "cykling-uden-alder": ([], ["cykling-uden-alder"]),
    "aeldres-netvaerk": (["cafe-solstraalen"], ["cafe-solstraalen"]),
    "centergruppen": ([], ["centergruppen-bymidtens-fremtid"]),
    "affaldsindsamling": (
        ["affaldsindsamling-paa-ishoej-strand"],
        ["affaldsindsamling-paa-ishoej-strand"],
    ),
    "dyrk-ishoej": (["dyrk-ishoej-plantedag"], ["dyrk-ishoej"]),
}

# The photo call follows the season the demo is loaded in: (slug word, title
# word, what to photograph, the gallery's first photos).
SEASONS = {
    "vinter": ("vinter", "vinteren", "fra vinterbadningen, julemarkedet eller ældrecaféen",
               [("Vinterbadning ved Ishøj Strand", "Lis H.", "beach"),
                ("Julemarked i bycentret", "Mia", "town"),
                ("Æbleskiver i ældrecaféen", "Bent", "cafe")]),
    "foraar": ("forår", "foråret", "fra plantedagen, strandrensningen eller byttemarkedet",
               [("Plantedag i byhaven", "Sanne og naboerne", "garden"),
                ("Strandrens i april", "Lars", "beach"),
                ("Første tur i rickshaw", "Jytte", "trishaw")]),
    "sommer": ("sommer", "sommeren", "fra stranden, byhaven eller gården",
               [("Badedag ved Ishøj Strand", "Lis H.", "beach"),
                ("Grillaften i Strandparken", "Ahmad", "festival"),
                ("Byhaven i Vejleåparken i juli", "Sanne og naboerne", "garden")]),
    "efteraar": ("efterår", "efteråret", "fra kulturfestivalen, høsten i byhaven eller skoven",
                 [("Kulturfestival på torvet", "Ahmad", "festival"),
                  ("Græskar fra byhaven", "Sanne og naboerne", "garden"),
                  ("Efterårstur langs stranden", "Jytte", "trishaw")]),
}  # fmt: skip
SEASON_OF_MONTH = {12: "vinter", 1: "vinter", 2: "vinter", 3: "foraar", 4: "foraar",
                   5: "foraar", 6: "sommer", 7: "sommer", 8: "sommer", 9: "efteraar",
                   10: "efteraar", 11: "efteraar"}  # fmt: skip


def season_of(day: date) -> str:
    return SEASON_OF_MONTH[day.month]


# A group whose work follows the seasons asks for other hands out of its summer:
# (slug, season) -> the tasks in place of those in GROUPS (no grill or watering
# in the holidays in December).
SEASON_TASKS = {
    ("dyrk-ishoej", "efteraar"): [("til at høste og dække bedene til", 3, 6),
                                  ("til at bygge højbede til foråret", 4, 20)],
    ("dyrk-ishoej", "vinter"): [("til at bygge højbede til foråret", 4, 6),
                                ("til at så tomater i vindueskarmen", 2, 20)],
    ("centergruppen", "efteraar"): [("til at koge suppe til høstmarkedet", 3, 14),
                                    ("til at lave plakater", 1, 7)],
    ("centergruppen", "vinter"): [("til at servere varm kakao på torvet", 3, 14),
                                  ("til at lave plakater", 1, 7)],
}  # fmt: skip


def tasks_for(slug: str, tasks: list, day: date) -> list:
    """The group's tasks for the season `day` falls in."""
    return SEASON_TASKS.get((slug, season_of(day)), tasks)


RECIPES = [
    ("Mormors frikadeller", 4,
     "Min mormor flyttede til Ishøj i 1971. Hver søndag stod hun i køkkenet i Vejleåparken "
     "og lavede frikadeller til hele opgangen.",
     ["500 g hakket svine- og kalvekød", "1 løg", "1 æg", "3 spsk. mel", "2 dl mælk",
      "Salt og peber"],
     ["Riv løget og rør det i farsen med æg, mel og mælk.", "Smag til med salt og peber.",
      "Form frikadellerne med en ske og steg dem gyldne i smør."]),
    ("Dolma med ris og mynte", 6,
     "Vi lavede dolma sammen, da vi mødtes i ældrecaféen. Nu laver vi dem hver gang, "
     "der er fællesspisning, og alle vil have opskriften.",
     ["1 glas vinblade", "3 dl ris", "1 bundt mynte", "2 løg", "1 citron", "Olivenolie"],
     ["Skyl vinbladene.", "Bland ris, hakket løg og mynte.",
      "Rul fyldet i bladene og kog dem en time med citron og olie."]),
]  # fmt: skip


def _groups(home: HomePage, stdout) -> None:
    index = GroupIndexPage.objects.child_of(home).first()
    if index is None:
        index = GroupIndexPage(
            title="Grupper",
            slug="grupper",
            show_in_menus=True,
            intro="Grupperne i Vores Ishøj planlægger aktiviteter og opgaver, så alle kan "
            "følge med og give en hånd.",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    today = timezone.localdate()
    for slug, title, scene, purpose, contact, tasks in GROUPS:
        event_slugs, story_slugs = GROUP_LINKS.get(slug, ([], []))
        page = GroupPage.objects.child_of(index).filter(slug=slug).first()
        if page is not None:
            if not edited_by_someone(page) and _refresh_group(
                page, tasks_for(slug, tasks, today), today, event_slugs, story_slugs
            ):
                stdout.write(f"Gruppen '{title}' er opdateret til i dag.")
            continue
        page = GroupPage(
            title=title, slug=slug, purpose=purpose, contact_name=contact,
            image=demo_image(f"Gruppe: {title}", scene),
            image_alt=SCENE_ALT[scene],
        )  # fmt: skip
        for i, (task, hands, days) in enumerate(tasks_for(slug, tasks, today)):
            page.tasks.add(
                GroupTask(title=task, hands_needed=hands, date=task_day(today, task, days),
                          sort_order=i)
            )  # fmt: skip
        page.updates.add(
            GroupUpdate(date=today - timedelta(days=3), text=f"{title} har fået nye frivillige.")
        )
        page.events = EventPage.objects.filter(slug__in=event_slugs)
        page.stories = StoryPage.objects.filter(slug__in=story_slugs)
        index.add_child(instance=page)
        page.save_revision().publish()
        stdout.write(f"Gruppen '{title}' er oprettet.")


def _refresh_group(
    page: GroupPage, tasks: list, today: date, event_slugs: list, story_slugs: list
) -> bool:
    """Give a demo group whose tasks have all passed new ones in the coming weeks,
    so a demo database started again later still has hands to ask for; and its
    events and stories, which older demos did not link."""
    changed = False
    if not page.tasks.filter(date__gte=today).exists():
        page.tasks = [
            GroupTask(title=t, hands_needed=hands, date=task_day(today, t, days), sort_order=i)
            for i, (t, hands, days) in enumerate(tasks)
        ]
        changed = True
    if not page.events.exists() and not page.stories.exists():
        page.events = EventPage.objects.filter(slug__in=event_slugs)
        page.stories = StoryPage.objects.filter(slug__in=story_slugs)
        changed = bool(event_slugs or story_slugs) or changed
    if changed:
        page.save_revision().publish()
    return changed


def _photo_call(home: HomePage, stdout) -> None:
    """This season's photo call ("Min vinter i Ishøj" in December)."""
    key = season_of(timezone.localdate())
    word, the_season, what, photos = SEASONS[key]
    slug, title = f"min-{key}-i-ishoej", f"Min {word} i Ishøj"
    call = PhotoCallPage.objects.child_of(home).filter(slug=slug).first()
    if call is None:
        call = PhotoCallPage(
            title=title,
            slug=slug,
            intro=f"Send os dit bedste billede fra {the_season} i Ishøj – {what}. "
            "De bedste kommer med i galleriet.",
            is_open=True,
        )
        home.add_child(instance=call)
        call.save_revision().publish()
        stdout.write(f"Fotoindkaldelsen '{title}' er oprettet.")
    # Demo photos count as already approved, so they sit where approved ones do.
    collection = approved_collection()
    for caption, photographer, scene in photos:
        if call.submissions.filter(caption=caption).exists():
            continue
        image = demo_image(f"Indsendt: {caption}", scene)
        if image.collection_id != collection.pk:
            image.collection = collection
            image.save(update_fields=["collection"])
        PhotoSubmission.objects.create(
            call=call, image=image, caption=caption, photographer=photographer, consent=True,
            status=PhotoStatus.APPROVED, reviewed_at=timezone.now(),
        )  # fmt: skip


def _lead_and_rest(history: str) -> tuple[str, str]:
    """The first sentence as the lead, the rest as the body's first paragraph."""
    first, _, rest = history.partition(". ")
    return (first + "." if rest else first), rest.strip()


def _recipes(home: HomePage, stdout) -> None:
    index = StoryIndexPage.objects.child_of(home).first()
    if index is None:
        return
    for dish, servings, history, ingredients, steps in RECIPES:
        title = f"Mad med historie: {dish}"
        block = recipe_block(
            {"dish": dish, "servings": servings, "ingredients": ingredients, "steps": steps}
        )
        lead, rest = _lead_and_rest(history)
        existing = StoryPage.objects.child_of(index).filter(title=title).first()
        if existing is not None:
            # Older demos repeated the lead as the first paragraph; mend those
            # the demo alone has saved.
            if existing.intro != lead and not edited_by_someone(existing):
                existing.intro = lead
                existing.body = ([("paragraph", f"<p>{rest}</p>")] if rest else []) + [block]
                existing.save_revision().publish()
            continue
        story = StoryPage(
            title=title,
            intro=lead,
            image=demo_image(f"Opskrift: {dish}", "plates"),
            image_alt=f"Et bord dækket op med {dish.lower()}",
            # The lead is shown above the body: the body goes on from it.
            body=([("paragraph", f"<p>{rest}</p>")] if rest else []) + [block],
            byline="Indsendt af en borger",
            # Within the years the demo's stories come from (2014–2016).
            date=date(2016, 9, 1),
        )
        index.add_child(instance=story)
        story.tags.add("mad med historie", "fællesskab")
        story.save_revision().publish()
        stdout.write(f"Opskriften '{dish}' er oprettet.")


def load(stdout) -> None:
    home = HomePage.objects.first()
    if home is None:
        return
    _groups(home, stdout)
    _photo_call(home, stdout)
    _recipes(home, stdout)
