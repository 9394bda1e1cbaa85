"""The channels' own figures for a period, added up only where they add up.

A count of events (views, comments, likes) adds up over posts: the period's
total is the sum of its posts'. A count of unique people or accounts does not:
one reader who saw ten posts is in all ten, so 315,807 "people" in a town of
24,000 is what a sum of them says. Those figures are shown per post instead:
the median post, the best post and the share of posts that reached at least a
threshold the secretariat sets (Metric.counts_people says which is which).

A post counts in the period it went out in, with the platform's latest figure
up to the end of the period: every post is in exactly one period's figures.
"""

import dataclasses
import statistics
from dataclasses import dataclass

from django.apps import apps

from .channel_figures import channel_label, channel_order, deleted_page_figures, metric_info
from .periods import Period
from .reports import StoryRow


@dataclass(frozen=True)
class ChannelFigure:
    channel: str
    channel_label: str
    name: str
    """The platform's own metric name: for the footnotes only."""
    label_da: str
    definition_da: str
    change_note_da: str
    counts_people: bool
    posts: int
    """Posts that went out in the period and have the figure."""
    total: int | None
    """The sum over the posts; None for a count of people, which does not add up."""
    median: int | None = None
    best_title: str = ""
    best_value: int | None = None
    threshold: int = 0
    above: int = 0
    """Posts that reached at least `threshold`."""

    @property
    def share_above(self) -> float | None:
        return self.above / self.posts if self.posts else None


def posts_published_in(period: Period) -> set[tuple[int, str]]:
    """(page, channel) of every post that went out in the period."""
    Publication = apps.get_model("channels", "Publication")
    return set(
        Publication.objects.filter(
            published_at__date__gte=period.start, published_at__date__lte=period.end
        ).values_list("page_id", "channel")
    )


def _order(key: tuple[str, str]) -> tuple[tuple[int, str], str]:
    return (channel_order(key[0]), key[1])


def deleted_pages_posts(period: Period) -> dict[int, str]:
    """Publication -> its page's title, for posts that went out in the period and
    whose page was deleted since: their reach still counts."""
    Publication = apps.get_model("channels", "Publication")
    return dict(
        Publication.objects.filter(
            page__isnull=True,
            published_at__date__gte=period.start,
            published_at__date__lte=period.end,
        ).values_list("pk", "page_title")
    )


def channel_summary(rows: list[StoryRow], period: Period, threshold: int) -> list[ChannelFigure]:
    """Each channel's figures over the posts that went out in the period."""
    published = posts_published_in(period)
    values: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for row in rows:
        for channel, figures in row.channels.items():
            if (row.page_id, channel) not in published:
                continue
            for name, metric in figures.metrics.items():
                if metric.value is not None:
                    values.setdefault((channel, name), []).append((metric.value, row.title))
    gone = deleted_pages_posts(period)
    for publication_id, figures in deleted_page_figures(period).items():
        if publication_id not in gone:
            continue
        title = f"{gone[publication_id]} (slettet)"
        for name, metric in figures.metrics.items():
            if metric.value is not None:
                values.setdefault((figures.channel, name), []).append((metric.value, title))
    summary = []
    for (channel, name), posts in sorted(values.items(), key=lambda item: _order(item[0])):
        info = metric_info(channel, name, period)
        figure = ChannelFigure(
            channel=channel,
            channel_label=channel_label(channel),
            name=name,
            label_da=info.label_da,
            definition_da=info.definition_da,
            change_note_da=info.change_note_da,
            counts_people=info.counts_people,
            posts=len(posts),
            total=None if info.counts_people else sum(v for v, _ in posts),
        )
        if info.counts_people:
            best_value, best_title = max(posts, key=lambda p: (p[0], p[1]))
            figure = dataclasses.replace(
                figure,
                median=round(statistics.median(v for v, _ in posts)),
                best_title=best_title,
                best_value=best_value,
                threshold=threshold,
                above=sum(1 for v, _ in posts if v >= threshold),
            )
        summary.append(figure)
    return summary
