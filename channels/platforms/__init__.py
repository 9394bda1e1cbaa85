"""The channel registry: every channel the portal can publish to."""

from __future__ import annotations

from .base import Channel, ImageRef, Metric, Post, PostResult, ReachResult
from .detsker import DetSkerChannel
from .facebook import FacebookChannel
from .facebook_group import FacebookGroupChannel
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
    )
}


def get_channel(slug: str) -> Channel:
    return CHANNELS[slug]


def all_channels() -> list[Channel]:
    return list(CHANNELS.values())


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
    "Post",
    "PostResult",
    "ReachResult",
    "all_channels",
    "get_channel",
    "metric_for",
]
