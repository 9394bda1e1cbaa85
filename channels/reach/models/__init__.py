from .channel_metrics import ChannelMetric, ReachPull, RefusedMetric
from .evaluation import EvaluationTargets, StoryEvaluation
from .manual import ManualFigure, ManualFigureKind, PressCoverage, PressLevel
from .salts import SaltKind, VisitorSalt
from .share import ReportShareLink, ReportShareUse, ShareLinkState
from .site_hits import (
    MonthVisitor,
    PageDay,
    PageSourceDay,
    RawHit,
    SiteDay,
    SiteMonth,
    SiteSourceDay,
    Source,
)
from .timeline import TimelineNote

__all__ = [
    "ChannelMetric",
    "ReachPull",
    "RefusedMetric",
    "EvaluationTargets",
    "ManualFigure",
    "ManualFigureKind",
    "MonthVisitor",
    "PageDay",
    "PageSourceDay",
    "PressCoverage",
    "PressLevel",
    "RawHit",
    "ReportShareLink",
    "ReportShareUse",
    "ShareLinkState",
    "TimelineNote",
    "SaltKind",
    "SiteDay",
    "SiteMonth",
    "SiteSourceDay",
    "Source",
    "StoryEvaluation",
    "VisitorSalt",
]
