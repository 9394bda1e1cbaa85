from .contributions import (
    PhotoStatus,
    PhotoSubmission,
    StorySubmission,
    SubmissionKind,
    TaskSignup,
    VolunteerSignup,
)
from .event import EventCancellation, EventMove, EventPage, Frequency, Ordinal
from .event_index import EventIndexPage
from .event_submission import EventSubmission
from .event_taxonomy import Audience, EventCategory, Weekday
from .group import GroupIndexPage, GroupPage, GroupTask, GroupUpdate
from .partner import Partner, PartnerKind
from .photo_call import PhotoCallPage
from .story import StoryIndexPage, StoryPage, StoryTag
from .topic import StoryTopic

__all__ = [
    "Audience",
    "EventCancellation",
    "EventCategory",
    "EventIndexPage",
    "EventMove",
    "EventPage",
    "EventSubmission",
    "Frequency",
    "GroupIndexPage",
    "GroupPage",
    "GroupTask",
    "GroupUpdate",
    "Ordinal",
    "Partner",
    "PartnerKind",
    "PhotoCallPage",
    "PhotoStatus",
    "PhotoSubmission",
    "StoryIndexPage",
    "StoryPage",
    "StorySubmission",
    "StoryTag",
    "StoryTopic",
    "SubmissionKind",
    "TaskSignup",
    "VolunteerSignup",
    "Weekday",
]
