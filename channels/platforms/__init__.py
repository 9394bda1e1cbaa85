"""The channel registry: every channel the portal can publish to.

The one list of channels. The channel choices on PageChannel and Publication,
the labels in reports, the UTM tags on links and the reach attribution of
visits are all derived from it, so a new channel is its module plus one line
here.
"""

from __future__ import annotations

from channels.rendering import ImageRef

from .base import (
    Channel,
    Metric,
    NotReadyYet,
    Post,
    PostResult,
    Problem,
    ReachResult,
)
from .detsker import DetSkerChannel
from .facebook import FacebookChannel
from .facebook_group import FacebookGroupChannel
from .fediverse import FediverseChannel
from .instagram import InstagramChannel
from .youtube import YouTubeChannel

CHANNELS: dict[str, Channel] = {
    channel.slug: channel
    for channel in (
        FacebookChannel(),
        InstagramChannel(),
        YouTubeChannel(),
        DetSkerChannel(),
        FacebookGroupChannel(),
        FediverseChannel(),
    )
}


def get_channel(slug: str) -> Channel:
    return CHANNELS[slug]


def all_channels() -> list[Channel]:
    return list(CHANNELS.values())


def channel_choices() -> list[tuple[str, str]]:
    """(slug, label) for every channel: the choices of PageChannel and Publication."""
    return [(c.slug, c.choice_label or c.label) for c in CHANNELS.values()]


def channel_label(slug: str) -> str:
    channel = CHANNELS.get(slug)
    return channel.label if channel else slug


def metric_for(channel_slug: str, name: str) -> Metric | None:
    """The registry entry for a metric a channel reported; None for one we never asked for."""
    channel = CHANNELS.get(channel_slug)
    if channel is None:
        return None
    return next((m for m in channel.metrics if m.name == name), None)


__all__ = [
    "CHANNELS",
    "Channel",
    "ImageRef",
    "Metric",
    "NotReadyYet",
    "Post",
    "PostResult",
    "Problem",
    "ReachResult",
    "all_channels",
    "channel_choices",
    "channel_label",
    "get_channel",
    "metric_for",
]
