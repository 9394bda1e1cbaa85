"""The platforms the portal can post to: one module per backend.

Each module holds a platform's wire format, limits and error mapping, and
nothing of the content apps (an import contract keeps it so). Which backends
run, and with which accounts, is the `CHANNELS` setting (channels.registry).
"""

from .base import (
    Channel,
    ChannelBackend,
    ImageRef,
    Metric,
    NotReadyYet,
    Post,
    PostRecord,
    PostResult,
    Problem,
    ReachResult,
)

__all__ = [
    "Channel",
    "ChannelBackend",
    "ImageRef",
    "Metric",
    "NotReadyYet",
    "Post",
    "PostRecord",
    "PostResult",
    "Problem",
    "ReachResult",
]
