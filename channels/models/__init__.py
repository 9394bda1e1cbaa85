from .publication import Publication, PublicationAction, PublicationStatus
from .settings import ChannelState, PageChannel

__all__ = [
    "ChannelState",
    "PageChannel",
    "Publication",
    "PublicationAction",
    "PublicationStatus",
]
