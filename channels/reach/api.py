"""The beacon endpoint and the staff API.

`hit` is plain Django, not DRF, and must not touch sessions or set cookies.
In production the WSGI fast path (wsgi.py) answers the beacon before Django's
request cycle starts; this view answers it for the test client and anything
else that calls Django directly, through the same `beacon.answer_request`.
`StoriesReachView` is the staff API.
"""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from . import beacon
from .periods import PeriodError, parse_period
from .permissions import can_view_reports
from .reports import STORY_VISITORS_NOTE, story_rows


@csrf_exempt
@require_POST
def hit(request: HttpRequest) -> HttpResponse:
    """Record one page view from static/js/reach.js (navigator.sendBeacon)."""
    answer = beacon.answer_request(request)
    response = HttpResponse(answer.body, status=answer.status, content_type=answer.content_type)
    if not answer.body:
        del response["Content-Type"]
    for name, value in answer.headers:
        response[name] = value
    response["Cache-Control"] = "no-store"
    return response


class CanViewReports(BasePermission):
    message = "Kun rapportlæsere og sekretariatet kan se tallene."

    def has_permission(self, request, view) -> bool:
        return can_view_reports(request.user)


class StoriesReachView(APIView):
    """GET /api/reach/stories/?from=ÅÅÅÅ-MM-DD&to=ÅÅÅÅ-MM-DD (see docs/reach-api.md)."""

    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [CanViewReports]

    def get(self, request):
        try:
            period = parse_period(request.query_params, timezone.localdate())
        except PeriodError as error:
            return Response({"parameter": error.parameter, "fejl": error.reason}, status=400)
        stories = []
        for row in story_rows(period):
            stories.append(
                {
                    "id": row.page_id,
                    "title": row.title,
                    "url": request.build_absolute_uri(row.url) if row.url else None,
                    "date": row.date.isoformat(),
                    "page_views": row.views,
                    "unique_visitors": row.visitors,
                    "sources": row.sources,
                    "tagged_link_views": row.utm_views,
                    "channels": {
                        channel: {
                            "pulled_at": f.pulled_at.isoformat() if f.pulled_at else None,
                            "failed": f.failed,
                            "metrics": {name: m.value for name, m in f.metrics.items()},
                        }
                        for channel, f in row.channels.items()
                    },
                }
            )
        response = Response(
            {
                "from": period.start.isoformat(),
                "to": period.end.isoformat(),
                "unique_visitors_note": STORY_VISITORS_NOTE,
                "stories": stories,
            }
        )
        response["Cache-Control"] = "private, no-store"
        return response
