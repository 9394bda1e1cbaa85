from .publication import Publication, PublicationAction, PublicationStatus
from .settings import ChannelSlug, ChannelState, PageChannel, choice_for

__all__ = [
    "ChannelSlug",
    "ChannelState",
    "PageChannel",
    "Publication",
    "PublicationAction",
    "PublicationStatus",
    "choice_for",
]
