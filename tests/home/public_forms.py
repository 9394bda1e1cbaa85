"""Every public form a resident can send, built with what it needs to show.

Shared by the markup tests (tests/home/test_public_forms.py) and the browser
accessibility test (tests/home/test_forms_browser.py), so a new form is added
to both in one place.
"""

from dataclasses import dataclass

from stories.models import EventCategory
from tests.community.helpers import group_index, make_group, make_photo_call
from tests.factories import story_index
from tests.locations.helpers import category, facility, make_place, map_page
from tests.stories.event_factories import event_index


@dataclass(frozen=True)
class PublicForm:
    name: str
    url: str
    text_field: str  # a free-text field, to type markup into


def build_public_forms() -> list[PublicForm]:
    events = event_index()
    EventCategory.objects.get_or_create(name="Natur", defaults={"slug": "natur"})
    story_index()
    call = make_photo_call()
    group = make_group(tasks=[("Hjælpere til loppemarkedet", 3)])
    task = group.tasks.get()
    groups = group_index()
    places = map_page()
    category("Legeplads")
    facility("Toilet")
    place = make_place(title="Legepladsen ved søen")
    return [
        PublicForm("Foreslå en begivenhed", events.url + "foreslaa/", "title"),
        PublicForm("Fortæl din historie", "/fortael/", "title"),
        PublicForm("Mad med historie", "/fortael/?type=opskrift", "dish"),
        PublicForm("Fotoindkaldelse", call.url, "caption"),
        PublicForm(
            "Tilmelding til en opgave",
            group.url + group.reverse_subpage("task_signup", args=[task.pk]),
            "name",
        ),
        PublicForm("Giv en hånd", groups.url + groups.reverse_subpage("volunteer"), "name"),
        PublicForm("Foreslå et sted", places.url + "foreslaa/", "name"),
        PublicForm("Foreslå en rettelse", places.url + f"foreslaa/rettelse/{place.pk}/", "message"),
    ]
