"""At phone width in Chromium: Det sker three months ahead, and one event into a calendar."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from stories.event_listing import month_label
from tests.browser import browser_page  # noqa: F401  (fixture)
from tests.stories.event_factories import event_index, make_event

PHONE = {"width": 390, "height": 844}

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def months_ahead(n: int) -> date:
    month = timezone.localdate().replace(day=1)
    for _ in range(n):
        month = (month + timedelta(days=32)).replace(day=1)
    return month


def test_det_sker_three_months_ahead(live_server, browser_page):  # noqa: F811
    index = event_index()
    make_event("Strandrens ved Ishøj Strand", start_date=months_ahead(3).replace(day=12))
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + index.url)
    assert page.get_by_text("Strandrens ved Ishøj Strand").count() == 0
    for n in (1, 2, 3):
        page.get_by_role("link", name=f"{month_label(months_ahead(n))} →").first.click()
        page.wait_for_url(f"**?maaned={months_ahead(n):%Y-%m}")
    assert page.get_by_role("link", name="Strandrens ved Ishøj Strand").is_visible()
    # The address says what is shown: opened afresh it shows the same month.
    page.goto(page.url)
    assert page.get_by_role("link", name="Strandrens ved Ishøj Strand").is_visible()


def test_adding_one_event_to_a_calendar(live_server, browser_page):  # noqa: F811
    day = timezone.localdate() + timedelta(days=3)
    event = make_event(
        "Café Solstrålen",
        start_date=day,
        start_time=time(13, 0),
        end_time=time(16, 0),
        frequency="ugentlig",
        weekdays=[day.weekday()],
        cancellations=[day + timedelta(weeks=1)],
    )
    make_event("Noget andet", start_date=day)
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + event.url)
    with page.expect_download() as download:
        page.get_by_role("link", name="Føj til min kalender").click()
    calendar = Calendar.from_ical(open(download.value.path(), "rb").read())
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Café Solstrålen"
    assert vevent["DTSTART"].dt.date() == day and vevent["DTSTART"].dt.hour == 13
    assert vevent["RRULE"]["FREQ"] == ["WEEKLY"]
    assert [d.dt.date() for d in vevent["EXDATE"].dts] == [day + timedelta(weeks=1)]


def test_copying_an_event_link(live_server, browser_page):  # noqa: F811
    event = make_event("Loppemarked", start_date=timezone.localdate() + timedelta(days=5))
    page = browser_page
    page.set_viewport_size(PHONE)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(live_server.url + event.url)
    page.get_by_role("button", name="Kopiér link").click()
    page.get_by_text("Linket er kopieret.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()").endswith(event.url)
