from .event import EventCancellation, EventMove, EventPage, Frequency, Ordinal
from .event_index import EventIndexPage
from .event_submission import EventSubmission
from .event_taxonomy import Audience, EventCategory, Weekday
from .partner import Partner, PartnerKind
from .story import StoryIndexPage, StoryPage, StoryTag

__all__ = [
    "Audience",
    "EventCancellation",
    "EventCategory",
    "EventIndexPage",
    "EventMove",
    "EventPage",
    "EventSubmission",
    "Frequency",
    "Ordinal",
    "Partner",
    "PartnerKind",
    "StoryIndexPage",
    "StoryPage",
    "StoryTag",
    "Weekday",
]
