"""One permission guards every figure: report readers and the secretariat hold it."""

from django.contrib.auth.models import AnonymousUser, User

VIEW_REPORTS = "reach.view_reports"


def can_view_reports(user: User | AnonymousUser) -> bool:
    return bool(user and user.is_active and user.has_perm(VIEW_REPORTS))
