"""Klart dansk: how easy the period's Danish stories were to read (LIX).

The council asks whether the portal reaches residents who read Danish as a
second language; the median LIX of the stories dated in the period answers
how plainly the secretariat wrote. The median, because one long feature must
not make a year of short stories look hard; only Danish stories, because LIX
is made for Danish and a translation would count by other rules.
"""

from __future__ import annotations

import datetime
import statistics
from dataclasses import dataclass

from wagtail.models import Site

from home.models import SiteSettings
from home.readability import DEFAULT_TARGET, band, page_lix
from stories.models import StoryPage

from .exports import Table
from .periods import Period

COUNTS = (
    "LIX (læsbarhedstal) for periodens danske historier: ord pr. sætning plus procent "
    "lange ord (over 6 bogstaver), talt i titel, manchet og brødtekstens overskrifter, "
    "tekst og citater. Tallet er medianen: halvdelen af historierne havde lavere LIX, "
    "halvdelen højere. Under 25 er meget let, 25-34 let, 35-44 middel, 45-54 svær, "
    "55 og derover meget svær. Historier på andre sprog tælles ikke."
)


@dataclass(frozen=True)
class StoryLix:
    title: str
    date: datetime.date
    words: int
    long_words: int
    sentences: int
    lix: int


@dataclass(frozen=True)
class PlainDanish:
    stories: list[StoryLix]
    """The period's measured Danish stories, easiest first."""
    target: int
    counts: str = COUNTS

    @property
    def median(self) -> int | None:
        if not self.stories:
            return None
        return round(statistics.median(s.lix for s in self.stories))

    @property
    def band(self) -> str:
        return band(self.median) if self.median is not None else ""

    @property
    def within_target(self) -> int:
        return sum(1 for s in self.stories if s.lix <= self.target)


def danish_stories(period: Period):
    return (
        StoryPage.objects.live()
        .filter(date__gte=period.start, date__lte=period.end)
        .filter(locale__language_code__istartswith="da")
        .order_by("date", "pk")
    )


def site_target() -> int:
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).lix_target if site else DEFAULT_TARGET


def plain_danish(period: Period, today: datetime.date | None = None) -> PlainDanish:
    rows = []
    for story in danish_stories(period):
        measured = page_lix(story)
        if measured.rounded is None:
            continue
        rows.append(
            StoryLix(
                story.title,
                story.date,
                measured.words,
                measured.long_words,
                measured.sentences,
                measured.rounded,
            )
        )
    rows.sort(key=lambda row: (row.lix, row.date, row.title))
    return PlainDanish(stories=rows, target=site_target())


def plain_danish_table(data: PlainDanish) -> Table:
    """One row per story, then the median, labelled: LIX values are never added up."""
    rows: list[list] = [
        [s.title, s.date.isoformat(), s.words, s.long_words, s.sentences, s.lix, band(s.lix)]
        for s in data.stories
    ]
    rows.append(
        [
            f"Median for perioden ({len(data.stories)} danske historier; "
            f"{data.within_target} på eller under målet LIX {data.target})",
            None,
            None,
            None,
            None,
            data.median,
            data.band or None,
        ]
    )
    return Table(
        "Klart dansk (LIX)",
        ["Historie", "Dato", "Ord", "Lange ord (over 6 bogstaver)", "Sætninger", "LIX", "Niveau"],
        rows,
    )
