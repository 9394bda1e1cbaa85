"""When things happen: recurrence, exceptions and daylight saving time."""

from datetime import date, datetime, time, timedelta

import pytest

from stories.models.event import EventPage
from stories.occurrences import occurrences_between
from stories.recurrence import OccurrenceStatus, expand_event, rule_for, series_starts_between
from tests.stories.event_factories import make_event, weekly

pytestmark = pytest.mark.django_db


def starts(occurrences):
    return [o.start.isoformat() for o in occurrences]


def test_weekly_tuesday_stays_at_13_local_across_the_march_dst_change():
    cafe = weekly()
    found = expand_event(cafe, date(2026, 3, 20), date(2026, 4, 3))
    assert starts(found) == ["2026-03-24T13:00:00+01:00", "2026-03-31T13:00:00+02:00"]
    assert [o.end.isoformat() for o in found] == [
        "2026-03-24T16:00:00+01:00",
        "2026-03-31T16:00:00+02:00",
    ]


def test_weekly_tuesday_stays_at_13_local_across_the_october_dst_change():
    cafe = weekly()
    found = expand_event(cafe, date(2026, 10, 19), date(2026, 11, 1))
    assert starts(found) == ["2026-10-20T13:00:00+02:00", "2026-10-27T13:00:00+01:00"]
    # Same wall clock, one hour apart in UTC.
    assert [o.start.utcoffset() for o in found] == [timedelta(hours=2), timedelta(hours=1)]


def test_series_without_end_date_keeps_going_next_year():
    cafe = weekly()
    found = expand_event(cafe, date(2027, 6, 1), date(2027, 6, 30))
    assert [o.start.day for o in found] == [1, 8, 15, 22, 29]


def test_first_sunday_of_the_month_even_when_entered_on_another_day():
    children = make_event(
        "Aktiviteter for børn",
        start_date=date(2026, 1, 7),  # a Wednesday
        start_time=time(11, 0),
        end_time=time(14, 0),
        frequency="maanedlig",
        monthly_ordinal=1,
        monthly_weekday=6,
    )
    found = expand_event(children, date(2026, 1, 1), date(2026, 5, 31))
    assert [o.start.date() for o in found] == [
        date(2026, 2, 1),
        date(2026, 3, 1),
        date(2026, 4, 5),
        date(2026, 5, 3),
    ]


def test_last_friday_of_the_month():
    event = make_event(
        frequency="maanedlig", monthly_ordinal=-1, monthly_weekday=4, start_date=date(2026, 1, 1)
    )
    found = expand_event(event, date(2026, 1, 1), date(2026, 3, 31))
    assert [o.start.date() for o in found] == [
        date(2026, 1, 30),
        date(2026, 2, 27),
        date(2026, 3, 27),
    ]


def test_every_other_week_until_a_date():
    event = weekly(interval=2, repeat_until=date(2026, 4, 14))
    found = expand_event(event, date(2026, 3, 1), date(2026, 6, 30))
    assert [o.start.date() for o in found] == [
        date(2026, 3, 3),
        date(2026, 3, 17),
        date(2026, 3, 31),
        date(2026, 4, 14),
    ]


def test_a_count_ends_the_series():
    event = weekly(repeat_count=3, weekdays=[1, 3])
    found = expand_event(event, date(2026, 3, 1), date(2026, 12, 31))
    assert [o.start.date() for o in found] == [
        date(2026, 3, 3),
        date(2026, 3, 5),
        date(2026, 3, 10),
    ]


def test_a_cancelled_date_is_kept_and_marked_with_its_reason():
    cafe = weekly(cancellations=[(date(2026, 3, 10), "Kulturhuset er lukket")])
    found = expand_event(cafe, date(2026, 3, 9), date(2026, 3, 18))
    assert [(o.start.day, o.status, o.note) for o in found] == [
        (10, OccurrenceStatus.CANCELLED, "Kulturhuset er lukket"),
        (17, OccurrenceStatus.SCHEDULED, ""),
    ]


def test_a_moved_date_appears_at_its_new_time_only():
    cafe = weekly(moves=[(date(2026, 3, 10), date(2026, 3, 12), time(10, 0), time(12, 0))])
    found = expand_event(cafe, date(2026, 3, 9), date(2026, 3, 18))
    assert starts(found) == ["2026-03-12T10:00:00+01:00", "2026-03-17T13:00:00+01:00"]
    moved = found[0]
    assert moved.status is OccurrenceStatus.RESCHEDULED
    assert moved.original_start.isoformat() == "2026-03-10T13:00:00+01:00"
    assert moved.end.isoformat() == "2026-03-12T12:00:00+01:00"
    assert moved.uid == f"{cafe.pk}-20260310T130000"


def test_a_date_moved_into_the_window_from_outside_is_found():
    cafe = weekly(moves=[(date(2026, 3, 31), date(2026, 3, 26), None, None)])
    found = expand_event(cafe, date(2026, 3, 25), date(2026, 3, 27))
    assert starts(found) == ["2026-03-26T13:00:00+01:00"]
    assert found[0].end.isoformat() == "2026-03-26T16:00:00+01:00"


def test_a_move_of_a_date_that_is_not_in_the_series_is_ignored():
    cafe = weekly(moves=[(date(2026, 3, 11), date(2026, 3, 12), None, None)])  # a Wednesday
    found = expand_event(cafe, date(2026, 3, 9), date(2026, 3, 15))
    assert starts(found) == ["2026-03-10T13:00:00+01:00"]


def test_a_one_off_all_day_event_spanning_two_days():
    market = make_event(
        "Byttemarked",
        start_date=date(2026, 7, 4),
        end_date=date(2026, 7, 5),
        all_day=True,
        start_time=None,
        end_time=None,
    )
    assert expand_event(market, date(2026, 7, 1), date(2026, 7, 3)) == []
    (occurrence,) = expand_event(market, date(2026, 7, 5), date(2026, 7, 5))
    assert occurrence.all_day
    assert occurrence.start.isoformat() == "2026-07-04T00:00:00+02:00"
    assert occurrence.end.isoformat() == "2026-07-06T00:00:00+02:00"


def test_occurrences_between_orders_all_events_and_skips_unpublished_ones():
    weekly("Café Solstrålen")
    make_event("Affaldsindsamling", start_date=date(2026, 3, 4), start_time=time(10, 0))
    make_event("Kladde", start_date=date(2026, 3, 4), publish=False)
    found = occurrences_between(date(2026, 3, 3), date(2026, 3, 4))
    assert [(o.event.title, o.start.day) for o in found] == [
        ("Café Solstrålen", 3),
        ("Affaldsindsamling", 4),
    ]


def test_occurrences_between_costs_a_fixed_number_of_queries(django_assert_max_num_queries):
    for n in range(6):
        weekly(f"Café {n}", cancellations=[date(2026, 3, 10)])
    with django_assert_max_num_queries(7):
        found = occurrences_between(date(2026, 3, 1), date(2026, 3, 31))
        assert len(found) == 6 * 5
        assert sum(o.is_cancelled for o in found) == 6
        [o.event.location_name for o in found]


@pytest.mark.parametrize("interval", [1, 2, 3])
@pytest.mark.parametrize("weekdays", [[], [1], [0, 3], [6, 2, 4]])
@pytest.mark.parametrize("repeat_until", [None, date(2026, 5, 13), date(2026, 2, 2)])
def test_weekly_series_lists_exactly_the_dates_a_calendar_app_expands(
    interval, weekdays, repeat_until
):
    """The site counts weekly dates itself (fast); calendar apps read the ICS
    RRULE, which dateutil expands. Both must give the same dates."""
    event = EventPage(
        title="Strikkeklub",
        start_date=date(2026, 1, 15),  # a Thursday
        start_time=time(18, 30),
        end_time=time(20, 0),
        frequency="ugentlig",
        interval=interval,
        weekdays=weekdays,
        repeat_until=repeat_until,
    )
    rule = rule_for(event)
    for after, before in [
        ("2025-12-01T00:00", "2026-07-01T00:00"),
        ("2026-01-15T18:30", "2026-01-29T18:30"),
        ("2026-03-04T10:00", "2026-04-22T23:59"),
        ("2026-01-01T00:00", "2026-01-15T18:29"),
    ]:
        lo, hi = (datetime.fromisoformat(after), datetime.fromisoformat(before))
        assert series_starts_between(event, lo, hi) == rule.between(lo, hi, inc=True)
