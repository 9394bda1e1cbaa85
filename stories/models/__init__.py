from .partner import Partner, PartnerKind
from .story import StoryIndexPage, StoryPage, StoryTag

__all__ = ["Partner", "PartnerKind", "StoryIndexPage", "StoryPage", "StoryTag"]
