"""GET /feeds/begivenheder.ics: a calendar app must show what the site shows."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from django.utils import timezone
from icalendar import Calendar

from tests.stories.event_factories import make_event, weekly

pytestmark = pytest.mark.django_db

TZ = ZoneInfo("Europe/Copenhagen")
ICS = "/feeds/begivenheder.ics"


def _as_datetime(value, all_day):
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time(0))  # naive: all-day rules are floating


def _localize(value):
    return value if value.tzinfo else value.replace(tzinfo=TZ)


def expand_ics(body: bytes, first: date, last: date) -> set[tuple[str, str, str]]:
    """Expand the calendar as a subscribing calendar app would: RRULE minus
    EXDATE, overridden by RECURRENCE-ID components, cancelled ones left out."""
    calendar = Calendar.from_ical(body)
    masters, overrides = {}, {}
    for component in calendar.walk("VEVENT"):
        uid = str(component["UID"])
        if "RECURRENCE-ID" in component:
            key = _localize(_as_datetime(component["RECURRENCE-ID"].dt, False))
            overrides.setdefault(uid, {})[key] = component
        else:
            masters[uid] = component
    lo = datetime.combine(first, time(0), TZ)
    hi = datetime.combine(last + timedelta(days=1), time(0), TZ)
    found = set()

    def keep(uid, start, end):
        start, end = _localize(start), _localize(end)
        if end > lo and start < hi:
            found.add((uid, start.isoformat(), end.isoformat()))

    for uid, master in masters.items():
        all_day = not isinstance(master["DTSTART"].dt, datetime)
        start = _as_datetime(master["DTSTART"].dt, all_day)
        duration = _as_datetime(master["DTEND"].dt, all_day) - start
        if str(master.get("STATUS")) == "CANCELLED":
            continue
        if "RRULE" not in master:
            keep(uid, start, start + duration)
            continue
        rule = rrulestr(master["RRULE"].to_ical().decode(), dtstart=start)
        excluded = set()
        exdates = master.get("EXDATE", [])
        for group in exdates if isinstance(exdates, list) else [exdates]:
            excluded |= {_as_datetime(d.dt, all_day) for d in group.dts}
        moved = overrides.get(uid, {})
        window_lo = lo.replace(tzinfo=None) if all_day else lo
        window_hi = hi.replace(tzinfo=None) if all_day else hi
        for occurrence in rule.between(window_lo - duration, window_hi, inc=True):
            if occurrence in excluded or _localize(occurrence) in moved:
                continue
            keep(uid, occurrence, occurrence + duration)
        for original, override in moved.items():
            in_series = original.replace(tzinfo=None) if all_day else original
            if in_series in rule and str(override.get("STATUS")) != "CANCELLED":
                keep(
                    uid,
                    _as_datetime(override["DTSTART"].dt, all_day),
                    _as_datetime(override["DTEND"].dt, all_day),
                )
    return found


def json_occurrences(client, first: date, last: date) -> set[tuple[str, str, str]]:
    response = client.get(
        "/feeds/det-sker.json",
        {"from": first.isoformat(), "to": last.isoformat(), "page_size": 200},
    )
    data = response.json()
    assert data["count"] <= 200
    return {
        (f"event-{item['event_id']}@voresishoj.dk", item["start"], item["end"])
        for item in data["items"]
        if item["status"] == "scheduled"
    }


@pytest.fixture
def programme():
    """A realistic mix around today: series across both DST changes,
    exceptions, moves and one-offs."""
    today = timezone.localdate()
    tuesday = today - timedelta(days=today.weekday() - 1 + 7 * 30)
    weekly(
        "Café Solstrålen",
        start_date=tuesday,
        cancellations=[tuesday + timedelta(weeks=31), tuesday + timedelta(weeks=33)],
        moves=[
            (tuesday + timedelta(weeks=32), tuesday + timedelta(weeks=32, days=1), time(10), None)
        ],
    )
    make_event(
        "Aktiviteter for børn",
        start_date=today - timedelta(days=200),
        start_time=time(11),
        end_time=time(14),
        frequency="maanedlig",
        monthly_ordinal=1,
        monthly_weekday=6,
    )
    weekly(
        "Dyrk Ishøj",
        start_date=tuesday + timedelta(days=3),
        weekdays=[4],
        interval=2,
        repeat_until=today + timedelta(days=60),
        start_time=time(17),
        end_time=time(19),
    )
    make_event(
        "Affaldsindsamling på Ishøj Strand",
        start_date=today + timedelta(days=10),
        all_day=True,
        start_time=None,
        end_time=None,
        frequency="aarlig",
        repeat_count=3,
    )
    make_event(
        "Byttemarked", start_date=today + timedelta(days=12), start_time=time(10), end_time=time(14)
    )
    make_event(
        "Aflyst foredrag",
        start_date=today + timedelta(days=5),
        cancellations=[today + timedelta(days=5)],
    )
    return today


def test_subscribing_shows_the_same_occurrences_as_the_json_feed(client, programme):
    first, last = programme - timedelta(days=85), programme + timedelta(days=280)
    from_ics = expand_ics(client.get(ICS).content, first, last)
    from_json = json_occurrences(client, first, last)
    assert from_ics == from_json
    titles = {uid for uid, _, _ in from_json}
    assert len(titles) == 5  # the cancelled one-off is in neither


def test_series_keep_13_local_with_both_utc_offsets(client, programme):
    body = client.get(ICS).content
    first, last = programme - timedelta(days=85), programme + timedelta(days=280)
    cafe_starts = {
        s for uid, s, _ in expand_ics(body, first, last) if s.endswith(("+01:00", "+02:00"))
    }
    times = {s[11:] for s in cafe_starts if "T13:00" in s}
    assert times == {"13:00:00+01:00", "13:00:00+02:00"}


def test_calendar_structure(client):
    cafe = weekly(
        place_name="Kulturhuset AAB",
        address="Vejleåparken 2",
        latitude=55.6189,
        longitude=12.3563,
        cancellations=[date(2026, 3, 17)],
        moves=[(date(2026, 3, 24), date(2026, 3, 25), time(14), time(17))],
        repeat_until=timezone.localdate() + timedelta(days=30),
    )
    response = client.get(ICS)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    (tz,) = calendar.walk("VTIMEZONE")
    assert str(tz["TZID"]) == "Europe/Copenhagen"
    series, moved = calendar.walk("VEVENT")
    assert str(series["UID"]) == str(moved["UID"]) == f"event-{cafe.pk}@voresishoj.dk"
    assert series["DTSTART"].params["TZID"] == "Europe/Copenhagen"
    rule = series["RRULE"].to_ical().decode()
    assert "FREQ=WEEKLY" in rule and "BYDAY=TU" in rule and "UNTIL=" in rule and rule.find("Z") > 0
    assert [d.dt.isoformat() for d in series["EXDATE"].dts] == ["2026-03-17T13:00:00+01:00"]
    assert moved["RECURRENCE-ID"].dt.isoformat() == "2026-03-24T13:00:00+01:00"
    assert moved["DTSTART"].dt.isoformat() == "2026-03-25T14:00:00+01:00"
    assert str(series["LOCATION"]) == "Kulturhuset AAB, Vejleåparken 2"
    assert (series["GEO"].latitude, series["GEO"].longitude) == (55.6189, 12.3563)
    assert str(series["URL"]).endswith(cafe.url)
    assert str(series["STATUS"]) == "CONFIRMED"
    assert "DTSTAMP" in series


def test_drafts_are_not_in_the_calendar_and_a_repeat_request_is_304(client):
    make_event("Hemmelig kladde", start_date=timezone.localdate(), publish=False)
    first = client.get(ICS)
    assert b"Hemmelig kladde" not in first.content
    assert client.get(ICS, headers={"If-None-Match": first["ETag"]}).status_code == 304
