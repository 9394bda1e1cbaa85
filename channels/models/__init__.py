from .publication import Publication, PublicationAction, PublicationStatus
from .settings import ChannelState, PageChannel, choice_for

__all__ = [
    "ChannelState",
    "PageChannel",
    "Publication",
    "PublicationAction",
    "PublicationStatus",
    "choice_for",
]
