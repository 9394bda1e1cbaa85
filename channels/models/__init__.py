from .lifecycle import IllegalTransition, PublicationAction, PublicationStatus
from .publication import Publication, PublicationQuerySet
from .settings import (
    ChannelState,
    PageChannel,
    choice_for,
    enabled_by_default,
    forget_copied_choices,
    is_translation,
)

__all__ = [
    "ChannelState",
    "IllegalTransition",
    "PageChannel",
    "Publication",
    "PublicationAction",
    "PublicationQuerySet",
    "PublicationStatus",
    "choice_for",
    "enabled_by_default",
    "forget_copied_choices",
    "is_translation",
]
