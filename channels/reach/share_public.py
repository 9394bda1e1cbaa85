"""What a council member sees through a shared link: this report, nothing else.

No account is needed; the token in the address is the key. Every request
with a known key is logged, a link past its date answers 410 and a revoked
one 410 too, an unknown one 404, each with a Danish page. The period is the
link's own: query parameters change nothing.
"""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .council_views import build_report, pdf_response, render_shared
from .models import ReportShareLink, ReportShareUse, ShareLinkState
from .periods import Period

# The report opens nothing else: no scripts, no frames, no forms, styles inline.
POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

GONE = {
    ShareLinkState.EXPIRED: (
        "Linket er udløbet",
        "Linket til evalueringsrapporten gjaldt kun i en bestemt periode, og den er forbi.",
    ),
    ShareLinkState.REVOKED: (
        "Linket er trukket tilbage",
        "Sekretariatet har trukket linket til evalueringsrapporten tilbage.",
    ),
}
UNKNOWN = (
    "Rapporten findes ikke",
    "Adressen passer ikke til nogen delt rapport. Tjek, at hele linket er kopieret med.",
)


def _secure(response):
    response["Content-Security-Policy"] = POLICY
    response["X-Robots-Tag"] = "noindex, nofollow"
    # The token is in the address: never send it on to a site the report links to.
    response["Referrer-Policy"] = "no-referrer"
    return response


def _open(request, token: str, what: str):
    link = ReportShareLink.find(token)
    if link is None:
        heading, message = UNKNOWN
        return None, render(
            request, "reach/council/gone.html", {"heading": heading, "message": message}, status=404
        )
    state = link.state()
    ReportShareUse.objects.create(link=link, what=what, state=state)
    if state != ShareLinkState.VALID:
        heading, message = GONE[state]
        return None, render(
            request, "reach/council/gone.html", {"heading": heading, "message": message}, status=410
        )
    return link, None


@never_cache
@require_safe
def shared_report(request, token: str):
    link, refused = _open(request, token, ReportShareUse.What.HTML)
    return _secure(refused or render_shared(request, link, token).render())


@never_cache
@require_safe
def shared_report_pdf(request, token: str):
    link, refused = _open(request, token, ReportShareUse.What.PDF)
    if refused:
        return _secure(refused)
    report = build_report(request, Period(link.period_start, link.period_end))
    return _secure(pdf_response(request, report))
