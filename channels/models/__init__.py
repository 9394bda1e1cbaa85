from .lifecycle import IllegalTransition, PublicationAction, PublicationStatus
from .publication import Publication, PublicationQuerySet
from .settings import ChannelState, PageChannel, choice_for

__all__ = [
    "ChannelState",
    "IllegalTransition",
    "PageChannel",
    "Publication",
    "PublicationAction",
    "PublicationQuerySet",
    "PublicationStatus",
    "choice_for",
]
