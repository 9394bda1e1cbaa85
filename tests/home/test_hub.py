"""The front page is the residents' hub: this week, hands needed, stories, map, Vær med."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from stories.models import TaskSignup
from tests.community.helpers import make_group, make_photo_call
from tests.factories import make_story
from tests.locations.helpers import make_place, map_page
from tests.stories.event_factories import event_index, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0  # the page as built, not a stored copy


def section(html: str, heading_id: str) -> str:
    """The HTML of the <section> labelled by `heading_id`."""
    match = re.search(
        rf'<section[^>]*aria-labelledby="{heading_id}"[^>]*>(.*?)</section>', html, re.S
    )
    assert match, f"no section {heading_id}"
    return match.group(1)


def front_page(client) -> str:
    return client.get("/").content.decode()


def test_this_week_lists_the_coming_seven_days_from_det_sker(client):
    today = timezone.localdate()
    make_event("Fællesspisning i Vejleåparken", start_date=today + timedelta(days=2))
    make_event("Byttemarked i Glashuset", start_date=today + timedelta(days=10))
    make_event(
        "Strandrensning",
        start_date=today + timedelta(days=3),
        cancellations=[(today + timedelta(days=3), "Storm")],
    )

    week = section(front_page(client), "denne-uge")

    assert "Fællesspisning i Vejleåparken" in week
    assert "Byttemarked i Glashuset" not in week  # ten days away
    assert re.search(r"Strandrensning</a>\s*<strong[^>]*>Aflyst</strong>", week)
    assert 'href="/det-sker/"' in week
    assert 'href="/det-sker/foreslaa/"' in week


def test_this_week_says_so_when_nothing_is_on(client):
    event_index()
    assert "Der står ikke noget i kalenderen de næste syv dage." in front_page(client)


def test_give_a_hand_lists_open_tasks_with_the_hands_still_missing(client):
    group = make_group("Dyrk Ishøj", tasks=[("til at bygge højbede", 3), ("til at vande", 1)])
    high_beds, watering = group.tasks.order_by("sort_order")
    TaskSignup.objects.create(task=high_beds, name="Karen", contact="karen@example.dk")
    TaskSignup.objects.create(task=watering, name="Ole", contact="ole@example.dk")

    tasks = section(front_page(client), "giv-en-haand")

    assert "Mangler 2 hænder" in tasks
    assert "Til at bygge højbede · Dyrk Ishøj" in tasks
    assert f'href="/grupper/{group.slug}/opgave/{high_beds.pk}/"' in tasks
    assert "til at vande" not in tasks.lower()  # full: nothing to ask for
    assert "1 opgave på gruppernes tavler mangler stadig hænder." in tasks
    assert "karen@example.dk" not in tasks


def test_give_a_hand_leaves_out_past_tasks_and_private_groups(client):
    group = make_group("Centergruppen", tasks=[("til at grille", 3)])
    task = group.tasks.get()
    task.date = timezone.localdate() - timedelta(days=1)
    task.save()
    private = make_group("Bestyrelsen", tasks=[("til referatet", 1)])
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    assert "Lige nu har alle opgaver nok hænder." in section(front_page(client), "giv-en-haand")


def test_newest_stories_link_the_index_and_the_story_form(client):
    make_story(title="Sommerfest i Vejleåparken", date="2026-06-01")
    stories = section(front_page(client), "nyeste")
    assert "Sommerfest i Vejleåparken" in stories
    assert 'href="/historier/"' in stories
    assert 'href="/fortael/">Fortæl os din egen historie</a>' in stories


def test_map_teaser_counts_the_places_and_links_the_map(client):
    make_place("Legepladsen i Strandparken", cat="Legeplads")
    make_place("Legepladsen ved Vejleå", cat="Legeplads")
    make_place("Hundeskoven", cat="Hundegård")
    make_place("Ikke offentliggjort", cat="Hundegård", publish=False)

    teaser = section(front_page(client), "kortet")

    assert "3 steder i Ishøj på kortet" in teaser
    assert re.search(r'<a href="/kort/\?kategori=legeplads">Legeplads</a> \(2 steder\)', teaser)
    assert teaser.count("<circle") == 3
    assert 'href="/kort/foreslaa/"' in teaser


def test_vaer_med_offers_every_way_to_take_part(client):
    make_story()
    event_index()
    map_page()
    make_group("Dyrk Ishøj")
    call = make_photo_call("Min sommer i Ishøj")

    take_part = section(front_page(client), "vaer-med")

    for href in (
        "/fortael/",
        "/fortael/?type=opskrift",
        "/kogebog.pdf",
        "/det-sker/foreslaa/",
        call.url,
        "/grupper/giv-en-haand/",
        "/kort/foreslaa/",
    ):
        assert f'href="{href}"' in take_part, href
    assert "Send et billede til “Min sommer i Ishøj”" in take_part


def test_a_closed_photo_call_is_not_offered(client):
    make_story()
    make_photo_call("Gamle billeder fra Ishøj", is_open=False)
    html = front_page(client)
    assert "Gamle billeder fra Ishøj" not in html
    assert 'href="/fortael/"' in section(html, "vaer-med")


def test_the_front_page_title_names_the_site_once(client):
    make_story()
    assert "<title>Vores Ishøj</title>" in front_page(client)
    story_title = re.search(r"<title>(.*?)</title>", client.get("/historier/").content.decode())
    assert story_title.group(1) == "Historier – Vores Ishøj"
