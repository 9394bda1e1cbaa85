"""Configuration mistakes in the channel layer, found by `manage.py check`.

The registry-wide checks live here (channels.E0xx); each backend checks its own
options under its own ids (ChannelBackend.check). A token without its page id,
an unknown or retired Graph API version, or a channel whose visits no reach
source can count would otherwise surface only when the first post fails, maybe
at night, maybe weeks later.
"""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.utils import timezone

from .platforms.meta import GRAPH_VERSIONS, NEWEST_GRAPH_VERSION
from .reach.models import Source
from .registry import all_channels, channels

RETIRING_SOON_DAYS = 120


@register(Tags.compatibility)
def check_graph_version(app_configs=None, **kwargs):
    """GRAPH_API_VERSION must be a version Meta documents and still serves."""
    version = getattr(settings, "GRAPH_API_VERSION", "")
    if version not in GRAPH_VERSIONS:
        return [
            Error(
                f"GRAPH_API_VERSION is {version!r}, which is not a Graph API version Meta "
                "documents.",
                hint=f"Use {NEWEST_GRAPH_VERSION} (the newest documented); known: "
                f"{', '.join(GRAPH_VERSIONS)}.",
                id="channels.E001",
            )
        ]
    until = GRAPH_VERSIONS[version]
    today = timezone.localdate()
    if until is not None and until <= today:
        return [
            Error(
                f"Graph API {version} stopped working on {until:%Y-%m-%d}.",
                hint=f"Set GRAPH_API_VERSION to {NEWEST_GRAPH_VERSION}.",
                id="channels.E002",
            )
        ]
    if until is not None and (until - today).days <= RETIRING_SOON_DAYS:
        return [
            Warning(
                f"Graph API {version} stops working on {until:%Y-%m-%d}.",
                hint=f"Move GRAPH_API_VERSION to {NEWEST_GRAPH_VERSION} before then.",
                id="channels.W001",
            )
        ]
    return []


@register()
def check_channel_backends(app_configs=None, **kwargs):
    """Every CHANNELS entry loads, and each backend checks its own options under
    its own ids (ChannelBackend.check: channels.facebook.E001, ...)."""
    errors = [
        Error(
            f"CHANNELS[{alias!r}] cannot be loaded: {reason}",
            hint="BACKEND must be the dotted path of a ChannelBackend subclass "
            "(e.g. channels.platforms.facebook.FacebookBackend); the other keys are "
            "OPTIONS, LABEL, CHOICE_LABEL, UTM_SOURCE, UTM_CONTENT and REACH_SOURCE.",
            id="channels.E010",
        )
        for alias, reason in channels.load_errors.items()
    ]
    return errors + [message for channel in all_channels() for message in channel.check()]


@register()
def check_channel_registry(app_configs=None, **kwargs):
    """Every channel credits its link's visits to a reach source that exists."""
    errors = []
    tags: dict[tuple[str, str], str] = {}
    for channel in all_channels():
        if channel.reach_source and channel.reach_source not in Source.values:
            errors.append(
                Error(
                    f"Channel '{channel.slug}' credits its visits to reach source "
                    f"{channel.reach_source!r}, which reach.Source does not have.",
                    id="channels.E004",
                )
            )
        link = channel.link_tags()
        key = (link["utm_source"], link.get("utm_content", ""))
        if key in tags:
            errors.append(
                Error(
                    f"Channels '{tags[key]}' and '{channel.slug}' tag their links alike "
                    f"(utm_source={key[0]!r}, utm_content={key[1]!r}): their visits cannot be "
                    "told apart.",
                    id="channels.E005",
                )
            )
        tags[key] = channel.slug
    return errors
