"""The demo makes a first good impression: groups as cards with a picture, the
next event and the hands needed; task titles that read well with their number;
a favicon."""

import pytest
from django.contrib.staticfiles import finders

from demo.stories.community import GROUPS, SEASON_TASKS, tasks_for
from tests.community.helpers import group_index, make_group
from tests.factories import make_image
from tests.stories.event_factories import make_event

pytestmark = pytest.mark.django_db


def every_task_title() -> list[str]:
    seasonal = [task for tasks in SEASON_TASKS.values() for task in tasks]
    return [title for *_, tasks in GROUPS for title, _h, _d in [*tasks, *seasonal]]


def test_every_demo_task_reads_well_after_its_number():
    """The board shows "1 til at vaske cyklerne"; a title of "en til …" read "1 en til …"."""
    titles = every_task_title()
    assert "til at vaske cyklerne" in titles
    assert [t for t in titles if t.split()[0] in ("en", "én", "et", "ét")] == []


@pytest.mark.parametrize("month", [12, 1, 2, 10, 11])
def test_no_group_asks_for_summer_hands_out_of_season(month):
    """In a demo loaded in December nobody is asked to grill or to water in the holidays."""
    from datetime import date

    day = date(2026, month, 10)
    titles = [t for slug, *_, tasks in GROUPS for t, _h, _d in tasks_for(slug, tasks, day)]
    assert [t for t in titles if "grill" in t or "ferien" in t] == []
    assert "til at vaske cyklerne" in titles


def test_the_groups_index_shows_a_card_per_group(client):
    from datetime import timedelta

    from django.utils import timezone

    event = make_event("Søndagstur", start_date=timezone.localdate() + timedelta(days=4))
    group = make_group(
        "Cykling uden alder",
        tasks=[("piloter til søndagsturen", 3)],
        image=make_image("Rickshaw"),
        image_alt="En rickshaw ved stranden",
    )
    group.events.add(event)
    group.save_revision().publish()
    make_group("Dyrk Ishøj")
    html = client.get(group_index().url).content.decode()
    card = html.split('class="group-card"')[1]
    assert "Cykling uden alder" in card
    assert 'alt="En rickshaw ved stranden"' in card
    assert "Næste gang: Søndagstur" in card
    assert "Mangler 3 hænder" in card
    other = html.split('class="group-card"')[2]
    assert "Ingen opgaver lige nu" in other


def test_every_page_names_a_favicon_that_exists(client):
    html = client.get("/search/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg"' in html
    assert finders.find("favicon.svg") and finders.find("favicon.ico")
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/favicon.ico"


def test_the_photo_call_follows_the_season_the_demo_is_loaded_in():
    from datetime import date

    from demo.stories.community import SEASONS, season_of

    assert [season_of(date(2026, m, 15)) for m in (12, 1, 4, 7, 10)] == [
        "vinter", "vinter", "foraar", "sommer", "efteraar",
    ]  # fmt: skip
    # No summer pictures in a winter call: every season has photos of its own.
    captions = {season: {c for c, _p, _s in data[3]} for season, data in SEASONS.items()}
    assert all(captions[a].isdisjoint(captions[b]) for a in captions for b in captions if a != b)
