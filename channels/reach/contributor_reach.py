"""A resident's published contribution, as its follow link shows its reach.

The same figures as the reach reports' story table (site views and daily
visitors summed, each channel's latest pull under the platform's own metric
names), from the day the page was first published until today, each with what
it counts. Supplied to home.participation in ReachConfig.ready, so the page
that shows them knows nothing of the channel layer.
"""

from __future__ import annotations

from django.utils import timezone
from wagtail.models import Page

from home.participation import ReachFigure

from .channel_figures import channel_figures, metric_info
from .council_report import VIEWS_COUNT, VISITS_COUNT
from .periods import Period
from .reports import site_totals

SITE = "voresishoj.dk"


def contribution_reach(page: Page) -> list[ReachFigure]:
    today = timezone.localdate()
    published = page.first_published_at
    start = timezone.localdate(published) if published else today
    period = Period(start, today)
    views, visitors = site_totals([page.pk], period).get(page.pk, (0, 0))
    figures = [
        ReachFigure(SITE, "Sidevisninger", views, VIEWS_COUNT),
        ReachFigure(SITE, "Besøg (læsere pr. dag, lagt sammen)", visitors, VISITS_COUNT),
    ]
    for channel in channel_figures([page.pk], period).get(page.pk, {}).values():
        for name, metric in channel.metrics.items():
            info = metric_info(channel.channel, name, period)
            counts = info.definition_da or "Platformens eget tal."
            if metric.value is None:
                counts += " Platformen oplyste ikke tallet ved seneste hentning."
            figures.append(
                ReachFigure(
                    channel.label,
                    info.label_da,
                    None if channel.failed else metric.value,
                    counts,
                )
            )
    return figures
