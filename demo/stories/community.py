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
from home.models import HomePage
from home.uploads import approved_collection
from stories.community.submissions import recipe_block
from stories.models import (
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
     "Jytte", [("piloter til søndagsturen", 3, 5), ("en til at vaske cyklerne", 1, 12)]),
    ("aeldres-netvaerk", "Ældres netværk", "cafe",
     "Et netværk for ældre i Ishøj, der mødes i ældrecaféerne og hjælper hinanden med at "
     "komme ud og møde nye mennesker.",
     "Bent", [("til at bage kage til caféen", 2, 4), ("en til plakater", 1, 9)]),
    ("centergruppen", "Centergruppen", "town",
     "Centergruppen for byfornyelse samler naboer, butikker og boligforeninger om ideer til "
     "et levende bycenter – fx Store Grill Dag i Strandparken.",
     "Mia", [("til at grille", 3, 14), ("en til plakater", 1, 7)]),
    ("affaldsindsamling", "Affaldsindsamling", "beach",
     "Sammen med Danmarks Naturfredningsforening samler vi affald på Ishøj Strand og i "
     "byens grønne områder – med handsker, tænger og kaffe bagefter.",
     "Lars", [("til at dele handsker og sække ud", 2, 10), ("til at samle ind", 10, 10)]),
    ("dyrk-ishoej", "Dyrk Ishøj", "garden",
     "Et byhaveprojekt, hvor naboer går sammen om små byhaver rundt om i bebyggelserne, "
     "blandt andet i Vejleåparken.",
     "Sanne", [("til at bygge højbede", 4, 6), ("en til at vande i ferien", 1, 20)]),
]  # fmt: skip

PHOTOS = [
    ("Badedag ved Ishøj Strand", "Lis H.", "beach"),
    ("Grillaften i Strandparken", "Ahmad", "festival"),
    ("Byhaven i Vejleåparken i juli", "Sanne og naboerne", "garden"),
]

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
        if GroupPage.objects.child_of(index).filter(slug=slug).exists():
            continue
        demo_image(f"Gruppe: {title}", scene)
        page = GroupPage(title=title, slug=slug, purpose=purpose, contact_name=contact)
        for i, (task, hands, days) in enumerate(tasks):
            page.tasks.add(
                GroupTask(title=task, hands_needed=hands, date=today + timedelta(days=days),
                          sort_order=i)
            )  # fmt: skip
        page.updates.add(
            GroupUpdate(date=today - timedelta(days=3), text=f"{title} har fået nye frivillige.")
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        stdout.write(f"Gruppen '{title}' er oprettet.")


def _photo_call(home: HomePage, stdout) -> None:
    call = PhotoCallPage.objects.child_of(home).filter(slug="min-sommer-i-ishoej").first()
    if call is None:
        call = PhotoCallPage(
            title="Min sommer i Ishøj",
            slug="min-sommer-i-ishoej",
            intro="Send os dit bedste billede fra sommeren i Ishøj – fra stranden, byhaven "
            "eller gården. De bedste kommer med i galleriet.",
            is_open=True,
        )
        home.add_child(instance=call)
        call.save_revision().publish()
        stdout.write("Fotoindkaldelsen 'Min sommer i Ishøj' er oprettet.")
    # Demo photos count as already approved, so they sit where approved ones do.
    collection = approved_collection()
    for caption, photographer, scene in PHOTOS:
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


def _recipes(home: HomePage, stdout) -> None:
    index = StoryIndexPage.objects.child_of(home).first()
    if index is None:
        return
    for dish, servings, history, ingredients, steps in RECIPES:
        title = f"Mad med historie: {dish}"
        if StoryPage.objects.child_of(index).filter(title=title).exists():
            continue
        block = recipe_block(
            {"dish": dish, "servings": servings, "ingredients": ingredients, "steps": steps}
        )
        story = StoryPage(
            title=title,
            intro=history[:300],
            hero_image=demo_image(f"Opskrift: {dish}", "plates"),
            hero_image_alt=f"Et bord dækket op med {dish.lower()}",
            body=[("paragraph", f"<p>{history}</p>"), block],
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
