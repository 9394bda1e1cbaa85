from .channel_metrics import ChannelMetric, ReachPull, RefusedMetric
from .evaluation import EvaluationTargets, StoryEvaluation
from .manual import ManualFigure, ManualFigureKind, PressCoverage, PressLevel
from .salts import SaltKind, VisitorSalt
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
    "SaltKind",
    "SiteDay",
    "SiteMonth",
    "SiteSourceDay",
    "Source",
    "StoryEvaluation",
    "VisitorSalt",
]
