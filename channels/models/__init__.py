from .publication import Publication, PublicationAction, PublicationStatus
from .settings import ChannelSlug, ChannelState, PageChannel

__all__ = [
    "ChannelSlug",
    "ChannelState",
    "PageChannel",
    "Publication",
    "PublicationAction",
    "PublicationStatus",
]
