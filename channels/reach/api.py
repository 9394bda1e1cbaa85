"""The beacon endpoint and the staff API.

`hit` is plain Django, not DRF: it is the hot path (one INSERT per hit) and
must not touch sessions or set cookies. `StoriesReachView` is the staff API.
"""

import json

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from .aggregation import run_aggregation
from .attribution import attribute
from .counting import client_address, is_bot, is_prefetch, record_hit
from .periods import PeriodError, parse_period
from .permissions import can_view_reports
from .reports import STORY_VISITORS_NOTE, story_rows

MAX_BEACON_BYTES = 2048


def _no_content() -> HttpResponse:
    response = HttpResponse(status=204)
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt
@require_POST
def hit(request: HttpRequest) -> HttpResponse:
    """Record one page view from static/js/reach.js (navigator.sendBeacon)."""
    user_agent = request.headers.get("User-Agent", "")
    if is_bot(user_agent) or is_prefetch(request):
        return _no_content()
    try:
        data = json.loads(request.body[:MAX_BEACON_BYTES] or b"{}")
        if not isinstance(data, dict):
            raise ValueError
    except ValueError:
        return JsonResponse({"fejl": "Ugyldigt indhold."}, status=400)
    page_id = data.get("p")
    if not isinstance(page_id, int) or isinstance(page_id, bool) or page_id <= 0:
        page_id = None
    attribution = attribute(
        str(data.get("q", ""))[:500], str(data.get("r", ""))[:500], request.get_host().split(":")[0]
    )
    record_hit(
        address=client_address(request),
        user_agent=user_agent[:500],
        page_id=page_id,
        source=attribution.source,
        utm_source=attribution.utm_source,
        utm_campaign=attribution.utm_campaign,
    )
    return _no_content()


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
        run_aggregation()
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
