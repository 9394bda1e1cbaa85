"""The channel layer's service functions, one import for callers.

Split by concept: `planning` records intent when a page is published or
unpublished, `performing` claims and carries out one attempt, `reconciling`
retries and sweeps. Callers (signals, tasks, views, tests) use this facade so
the split can move without touching them.
"""

from .performing import claim, finish, perform
from .planning import (
    IN_FLIGHT,
    NOT_YET_OUT,
    Job,
    choice_for,
    enqueue,
    is_enabled,
    plan_page,
    plan_withdrawal,
)
from .reconciling import retry, retry_due

__all__ = [
    "IN_FLIGHT",
    "NOT_YET_OUT",
    "Job",
    "choice_for",
    "claim",
    "enqueue",
    "finish",
    "is_enabled",
    "perform",
    "plan_page",
    "plan_withdrawal",
    "retry",
    "retry_due",
]
