"""The demo is credible on any day it is started: dates counted from today, on the
weekdays the texts promise, the seasonal events in their own months."""

import io
import re
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from demo.stories.community import GROUPS, SEASONS, season_of
from demo.stories.dates import named_weekdays, task_day
from demo.stories.events import _refresh_dates, events
from demo.stories.stories import STORIES
from stories.models import EventPage, GroupPage, GroupTask, StoryPage

TUESDAY, WEDNESDAY, SATURDAY, SUNDAY = 1, 2, 5, 6
DAYS = [date(2026, 1, 1), date(2026, 3, 7), date(2026, 4, 30), date(2026, 9, 13),
        date(2026, 10, 4), date(2026, 11, 30), date(2027, 2, 28), date(2028, 2, 29)]  # fmt: skip


def by_slug(today: date) -> dict[str, dict]:
    return {data["slug"]: data for data in events(today)}


@pytest.mark.parametrize("today", DAYS, ids=str)
@pytest.mark.parametrize(
    "slug, month",
    [
        ("byttemarked-i-glashuset", 3),
        ("affaldsindsamling-paa-ishoej-strand", 4),
        ("smag-paa-verden", 9),
    ],
)
def test_seasonal_events_keep_their_month_on_their_next_saturday(today, slug, month):
    day = by_slug(today)[slug]["start_date"]
    assert day.month == month
    assert day.weekday() == SATURDAY
    assert today <= day < today + timedelta(days=366)


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_the_cafe_is_on_tuesdays_with_its_exceptions_in_the_coming_weeks(today):
    cafe = by_slug(today)["cafe-solstraalen"]
    assert cafe["start_date"].weekday() == TUESDAY and cafe["start_date"] < today
    ((cancelled, _reason),) = cafe["cancellations"]
    assert cancelled.weekday() == TUESDAY
    assert today < cancelled <= today + timedelta(weeks=3)
    ((original, new_date, *_rest),) = cafe["moves"]
    assert original.weekday() == TUESDAY and new_date.weekday() == WEDNESDAY
    assert today < original <= today + timedelta(weeks=6)


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_series_start_on_their_weekdays_and_the_garden_season_is_april_to_october(today):
    data = by_slug(today)
    assert data["aktiviteter-for-boern"]["start_date"].weekday() == SUNDAY
    assert data["havhyttenfri"]["start_date"].weekday() == SATURDAY
    garden = data["dyrk-ishoej-plantedag"]
    assert garden["start_date"].weekday() == SATURDAY and garden["start_date"].month == 4
    assert garden["repeat_until"].month == 10 and garden["repeat_until"] >= today


MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
          "september", "oktober", "november", "december")  # fmt: skip


def promised(text: str) -> set[int]:
    """The weekdays a text promises: those it names, and Saturday and Sunday for "weekend"."""
    return named_weekdays(text) | ({SATURDAY, SUNDAY} if "weekend" in text.lower() else set())


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_every_demo_event_falls_on_the_weekdays_its_text_names(today):
    for data in events(today):
        if data.get("frequency") == "ugentlig":
            held_on = set(data["weekdays"])
        elif data.get("frequency") == "maanedlig":
            held_on = {data["monthly_weekday"]}
        else:
            held_on = {data["start_date"].weekday()}
        assert data["start_date"].weekday() in held_on, data["slug"]
        named = promised(f"{data['title']} {data['intro']}")
        assert not named or held_on == named, data["slug"]
        for day, reason in data.get("cancellations", []):
            assert day.weekday() in held_on and promised(reason) <= held_on, reason
        for original, new_date, _start, _end, note in data.get("moves", []):
            # "Salen er optaget om tirsdagen: onsdag i stedet"
            assert original.weekday() in held_on
            assert promised(note) == {original.weekday(), new_date.weekday()}, note


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_a_task_named_after_a_weekday_falls_on_it(today):
    tasks = [(title, days) for *_, group_tasks in GROUPS for title, _hands, days in group_tasks]
    named = [(title, days) for title, days in tasks if named_weekdays(title)]
    assert named  # "piloter til søndagsturen"
    for title, days in named:
        day = task_day(today, title, days)
        assert day.weekday() in named_weekdays(title) and day > today, (title, day)


def test_a_story_that_names_a_weekday_and_a_date_has_them_agree():
    """ "Søndag den 6. juli" in a story from 2014 was a Sunday."""
    pattern = re.compile(rf"\b(\w+dag)\s+den\s+(\d{{1,2}})\.\s+({'|'.join(MONTHS)})", re.IGNORECASE)
    found = []
    for story in STORIES:
        text = repr(story)
        for weekday, day, month in pattern.findall(text):
            if named_weekdays(weekday):
                on = date(story["date"].year, MONTHS.index(month.lower()) + 1, int(day))
                found.append((story["slug"], weekday, on))
                assert named_weekdays(weekday) == {on.weekday()}, (story["slug"], weekday, on)
    assert found


@pytest.mark.django_db
def test_a_demo_started_today_shows_this_week_hands_needed_and_linked_groups(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    call_command("load_demo", stdout=io.StringIO())

    home = client.get("/").content.decode()
    assert "<title>Vores Ishøj</title>" in home
    week = re.search(r'aria-labelledby="denne-uge">(.*?)</section>', home, re.S).group(1)
    assert "Café Solstrålen" in week  # every Tuesday: always within seven days
    assert re.search(r"Mangler \d+ h(å|æ)nd", home)

    assert GroupTask.objects.get(title="piloter til søndagsturen").date.weekday() == SUNDAY

    dyrk = client.get(GroupPage.objects.get(slug="dyrk-ishoej").url).content.decode()
    assert "Dyrk Ishøj: plantedag i byhaverne" in dyrk  # its next season, even in winter
    assert 'href="/historier/dyrk-ishoej/"' in dyrk

    season = season_of(timezone.localdate())
    gallery = client.get(f"/min-{season}-i-ishoej/").content.decode()
    assert '<ul class="photo-gallery">' in gallery
    assert f"Foto: {SEASONS[season][3][0][1]}" in gallery

    story = StoryPage.objects.get(title="Mad med historie: Mormors frikadeller")
    html = client.get(story.url).content.decode()
    body = html[html.index('<div class="story__body">') :]
    assert story.intro in html
    assert f"<p>{story.intro}" not in body  # the lead is not repeated as the first paragraph
    assert "<p>Hver søndag stod hun i køkkenet" in body

    neighbour = client.get("/historier/en-hilsen-fra-din-nabo/").content.decode()
    assert '<a class="button" href="/fortael/">Fortæl os historien</a>' in neighbour


@pytest.mark.django_db
def test_a_demo_started_again_later_moves_only_what_nobody_has_edited():
    call_command("load_demo", stdout=io.StringIO())
    later_day = timezone.localdate() + timedelta(days=400)  # past both March and September
    later = by_slug(later_day)
    swap = EventPage.objects.get(locale__language_code="da", slug="byttemarked-i-glashuset")
    festival = EventPage.objects.get(locale__language_code="da", slug="smag-paa-verden")
    editor = get_user_model().objects.get(username="sekretariat")
    festival.intro = "Redaktøren har skrevet om festen."
    festival.save_revision(user=editor).publish()
    kept = festival.start_date

    assert not _refresh_dates(swap, by_slug(timezone.localdate())[swap.slug], timezone.localdate())
    assert _refresh_dates(swap, later[swap.slug], later_day)
    assert not _refresh_dates(festival, later[festival.slug], later_day)

    swap.refresh_from_db()
    festival.refresh_from_db()
    assert swap.start_date == later[swap.slug]["start_date"]
    assert festival.start_date == kept
    assert not _refresh_dates(swap, later[swap.slug], later_day)  # a second run changes nothing
