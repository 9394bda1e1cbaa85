"""Factory functions for events: tests build exactly the series they need."""

import itertools
from datetime import date, time

from stories.models import (
    EventCancellation,
    EventCategory,
    EventIndexPage,
    EventMove,
    EventPage,
)
from tests.factories import home_page

_counter = itertools.count(1)


def event_index(home=None) -> EventIndexPage:
    home = home or home_page()
    existing = EventIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    index = EventIndexPage(
        title="Det sker", slug="det-sker", intro="Det sker i Ishøj.", show_in_menus=True
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_category(name="Fællesspisning") -> EventCategory:
    category, _ = EventCategory.objects.get_or_create(name=name)
    return category


def make_event(
    title=None,
    *,
    start_date=date(2026, 3, 3),
    start_time=time(13, 0),
    end_time=time(16, 0),
    categories=(),
    cancellations=(),
    moves=(),
    stories=(),
    publish=True,
    index=None,
    **fields,
) -> EventPage:
    """An event; `cancellations` are dates or (date, reason), `moves` are
    (original date, new date, new start, new end) tuples."""
    index = index or event_index()
    n = next(_counter)
    title = title or f"Begivenhed {n}"
    fields.setdefault("intro", f"Kort om {title}.")
    fields.setdefault("audience", ["alle"])
    event = EventPage(
        title=title,
        slug=fields.pop("slug", f"begivenhed-{n}"),
        start_date=start_date,
        start_time=start_time,
        end_time=end_time,
        live=publish,
        **fields,
    )
    for item in cancellations:
        day, reason = item if isinstance(item, tuple) else (item, "")
        event.cancellations.add(EventCancellation(date=day, reason=reason))
    for original, new_date, new_start, new_end in moves:
        event.moves.add(
            EventMove(
                original_date=original,
                new_date=new_date,
                new_start_time=new_start,
                new_end_time=new_end,
            )
        )
    index.add_child(instance=event)
    event.categories.set(categories)
    event.stories.set(stories)
    revision = event.save_revision()
    if publish:
        revision.publish()
    event.refresh_from_db()
    return event


def weekly(title="Café Solstrålen", **fields) -> EventPage:
    """Every Tuesday 13–16, from Tuesday 3 March 2026 with no end: across both DST changes."""
    fields.setdefault("frequency", "ugentlig")
    fields.setdefault("weekdays", [1])
    return make_event(title, **fields)
