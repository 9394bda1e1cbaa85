"""Channel reach as the reports show it: each platform under its own metric names.

Figures are cumulative counts the platform reported at a pull (a post's views
so far). A metric missing from the latest pull, or a failed pull, is a gap:
shown with the last value we knew and when, never as zero, and never added
to another platform's numbers.
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.utils import timezone

from channels.registry import all_channels, metric_for

from .periods import Period, danish_date


def channel_label(alias: str) -> str:
    """The channel's name from the registry (CHANNELS); a channel taken out of the
    setting keeps its alias, so its old figures still have a name."""
    return channel_labels().get(alias, alias)


def channel_labels() -> dict[str, str]:
    """Labels in the registry's order: a new channel shows up by itself."""
    return {channel.alias: channel.label for channel in all_channels()}


def channel_order(alias: str) -> tuple[int, str]:
    """Sort key: the registry's order, channels no longer configured last."""
    order = list(channel_labels())
    return (order.index(alias) if alias in order else len(order), alias)


def utm_label(utm_source: str) -> str:
    """A utm_source on our links as staff read it: 'detsker' is "Det sker i Ishøj"."""
    labels = [c.label for c in all_channels() if c.link_tags()["utm_source"] == utm_source]
    return " og ".join(labels) if labels else f"andre links ({utm_source})"


def refused_notes() -> list[str]:
    """One Danish sentence per metric a platform stopped serving, for the reach admin."""
    notes = []
    for row in apps.get_model("reach", "RefusedMetric").objects.order_by("channel", "metric"):
        label = channel_label(row.channel)
        metric = metric_for(row.channel, row.metric)
        named = f"{metric.label_da} ({row.metric})" if metric else row.metric
        since = timezone.localtime(row.since)
        notes.append(
            f"{label} leverer ikke længere {named} – afvist siden {since:%d.%m.%Y}. "
            "De øvrige tal hentes som før; tallet står som hul fra den dag."
        )
    return notes


@dataclass(frozen=True)
class MetricInfo:
    """A metric as a report names it: Danish first, the platform's name beside it."""

    channel: str
    name: str
    """The platform's own name, for checking against the platform's tools."""
    label_da: str
    definition_da: str
    change_note_da: str = ""
    """Set when the report's period spans the day the platform changed the metric."""
    counts_people: bool = False
    """Unique people or accounts: never added up over posts (Metric.counts_people)."""


def metric_info(channel: str, name: str, period: Period | None = None) -> MetricInfo:
    """The registry's Danish name and definition; a metric the registry does not
    know keeps its own name, marked so, rather than a guessed translation."""
    metric = metric_for(channel, name)
    if metric is None:
        return MetricInfo(channel, name, f"{name} (uden dansk navn)", "")
    definition = metric.definition_da
    # A change after the period's end does not touch its figures: not in its notes.
    if metric.changed_on and (period is None or period.end >= metric.changed_on):
        definition = (
            f"{definition} Platformen ændrede tallet {danish_date(metric.changed_on)}: "
            f"{metric.change_note_da}"
        ).strip()
    notes = []
    if period and metric.changed_on and period.start < metric.changed_on <= period.end:
        notes.append(
            f"Perioden går hen over {danish_date(metric.changed_on)}, hvor "
            f"{channel_label(channel)} ændrede, hvad tallet tæller"
            + (f" ({metric.change_note_da.rstrip('.')})" if metric.change_note_da else "")
            + ". Tal før og efter datoen kan ikke sammenlignes direkte."
        )
    if period and metric.removed_on and metric.removed_on <= period.end:
        notes.append(
            f"{channel_label(channel)} leverer ikke tallet efter {danish_date(metric.removed_on)}."
        )
    return MetricInfo(
        channel, name, metric.label_da, definition, " ".join(notes), metric.counts_people
    )


@dataclass(frozen=True)
class MetricValue:
    name: str
    """The platform's own metric name, e.g. 'views' or 'post_impressions'."""
    value: int | None
    """From the latest pull in the period; None is a gap."""
    last_known: int | None = None
    last_known_at: datetime.datetime | None = None


@dataclass
class ChannelFigures:
    channel: str
    label: str
    pulled_at: datetime.datetime | None = None
    failed: bool = False
    """The latest pull in the period failed: every metric is a gap."""
    error: str = ""
    metrics: dict[str, MetricValue] = field(default_factory=dict)


def channel_figures(page_ids: list[int], period: Period) -> dict[int, dict[str, ChannelFigures]]:
    """For each story, each channel's figures as of the end of the period."""
    if not page_ids:
        return {}
    result: dict[int, dict[str, ChannelFigures]] = {}
    for (page_id, channel), figures in _latest_figures(
        {"page_id__in": page_ids}, "page_id", period
    ).items():
        result.setdefault(page_id, {})[channel] = figures
    return result


def deleted_page_figures(period: Period) -> dict[int, ChannelFigures]:
    """Per publication whose page was deleted, its figures as of the end of the period:
    the reach gathered before the deletion still counts (Publication.page_title)."""
    return {
        publication_id: figures
        for (publication_id, _), figures in _latest_figures(
            {"publication__page__isnull": True}, "publication_id", period
        ).items()
    }


def _latest_figures(
    pulls_filter: dict, key: str, period: Period
) -> dict[tuple[int, str], ChannelFigures]:
    ReachPull = apps.get_model("reach", "ReachPull")
    ChannelMetric = apps.get_model("reach", "ChannelMetric")
    pulls = (
        ReachPull.objects.filter(**pulls_filter, pulled_at__date__lte=period.end)
        .order_by(key, "channel", "publication_id", "-pulled_at")
        .values("pk", key, "channel", "publication_id", "pulled_at", "ok", "error")
    )
    latest: dict[tuple[int, str], dict] = {}
    for pull in pulls:
        latest.setdefault((pull[key], pull["channel"]), pull)
    values: dict[tuple[int, str], list[tuple[str, int, datetime.datetime]]] = {}
    for owner, channel, name, value, pulled_at in (
        ChannelMetric.objects.filter(
            **{f"pull__{k}": v for k, v in pulls_filter.items()},
            pull__pulled_at__date__lte=period.end,
        )
        .order_by("-pull__pulled_at")
        .values_list(f"pull__{key}", "pull__channel", "metric", "value", "pull__pulled_at")
    ):
        values.setdefault((owner, channel), []).append((name, value, pulled_at))

    result: dict[tuple[int, str], ChannelFigures] = {}
    for (owner, channel), pull in latest.items():
        figures = ChannelFigures(
            channel=channel,
            label=channel_label(channel),
            pulled_at=pull["pulled_at"],
            failed=not pull["ok"],
            error=pull["error"],
        )
        history = values.get((owner, channel), [])
        for name in dict.fromkeys(n for n, _, _ in history):
            known = next((v, at) for n, v, at in history if n == name)
            current = next(
                (v for n, v, at in history if n == name and at == pull["pulled_at"]), None
            )
            figures.metrics[name] = MetricValue(name, current, known[0], known[1])
        result[(owner, channel)] = figures
    return result


@dataclass
class ChannelSeries:
    """One story on one channel over time: a column per pull, a row per metric."""

    times: list[datetime.datetime] = field(default_factory=list)
    values: dict[str, list[int | None]] = field(default_factory=dict)


def channel_series(page_id: int, period: Period) -> dict[str, ChannelSeries]:
    """Every pull in the period; a failed pull or a dropped metric is None."""
    ReachPull = apps.get_model("reach", "ReachPull")
    ChannelMetric = apps.get_model("reach", "ChannelMetric")
    pulls = list(
        ReachPull.objects.filter(
            page_id=page_id, pulled_at__date__gte=period.start, pulled_at__date__lte=period.end
        ).order_by("channel", "pulled_at")
    )
    metrics: dict[int, dict[str, int]] = {}
    for pull_id, name, value in ChannelMetric.objects.filter(pull__in=pulls).values_list(
        "pull_id", "metric", "value"
    ):
        metrics.setdefault(pull_id, {})[name] = value
    result: dict[str, ChannelSeries] = {}
    for pull in pulls:
        series = result.setdefault(pull.channel, ChannelSeries())
        series.times.append(pull.pulled_at)
        for name in metrics.get(pull.pk, {}):
            series.values.setdefault(name, [])
    for channel, series in result.items():
        channel_pulls = [p for p in pulls if p.channel == channel]
        for name in series.values:
            series.values[name] = [metrics.get(p.pk, {}).get(name) for p in channel_pulls]
    return result
