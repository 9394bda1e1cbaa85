"""The resident's private follow link: status, reach, withdrawal and erasure.

The page says nothing personal (no name, no e-mail, no private note), is never
indexed or cached, and sends its address to no other site, so the link stays the
resident's own.
A GET only reads; withdrawing and erasing are POSTs from the page's buttons.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext, gettext_noop
from django.views.decorators.http import require_http_methods

from home import participation
from home.participation_models import ContributionStatus
from home.spam import RateLimit

from . import follow


def _follow_rate_limit() -> RateLimit:
    # Read per call, like the forms' limits: tests and operators change them.
    return RateLimit(
        "follow-link", settings.COMMUNITY_FORM_RATE_LIMIT, settings.COMMUNITY_FORM_RATE_WINDOW
    )


def _private(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow"
    # Not "no-referrer": the browser would then send "Origin: null" with the
    # page's own forms, which Django's CSRF check rightly refuses.
    response["Referrer-Policy"] = "same-origin"
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def follow_view(request: HttpRequest, token: str) -> HttpResponse:
    contribution = participation.find(token)
    if contribution is None:
        raise Http404("Linket findes ikke eller er udløbet.")
    if request.method == "POST":
        if _follow_rate_limit().hit(request):
            error = gettext("Du har prøvet mange gange på kort tid. Vent lidt, og prøv så igen.")
            return _private(_render(request, contribution, error=error, status=429))
        action = request.POST.get("handling")
        if request.POST.get("sikker") != "ja":
            error = gettext("Sæt kryds ved »Ja, jeg er sikker«, før du trykker.")
            return _private(_render(request, contribution, error=error, status=400))
        if action == "traek-tilbage" and follow.withdraw(contribution):
            return HttpResponseRedirect(request.path + "?udfoert=trukket")
        if action == "slet":
            follow.erase(contribution)
            return HttpResponseRedirect(request.path + "?udfoert=slettet")
        return HttpResponseRedirect(request.path)
    return _private(_render(request, contribution))


def _render(request, contribution, error: str = "", status: int = 200) -> TemplateResponse:
    contribution.refresh_from_db()
    published = contribution.status == ContributionStatus.PUBLISHED
    page_url = participation.published_url(contribution, request)
    reach = []
    if published and contribution.becomes_page and contribution.page is not None:
        reach = participation.reach_for(contribution.page)
    context = {
        "contribution": contribution,
        "noun": participation.noun(contribution),
        "kind": gettext(contribution.get_kind_display()),
        "status_label": gettext(contribution.get_status_display()),
        "status_text": participation.status_text(contribution),
        "page_url": page_url,
        "reach": reach,
        "has_personal_data": follow.holds_personal_data(contribution),
        "done": request.GET.get("udfoert", ""),
        "error": error,
        "steps": _steps(contribution),
    }
    return TemplateResponse(request, "participation/follow.html", context, status=status)


def _steps(contribution) -> list[tuple[str, bool]]:
    """The road from sent to answered, as a list the page ticks off."""
    s = ContributionStatus
    answered = contribution.status in (s.PUBLISHED, s.REJECTED)
    final = contribution.get_status_display() if answered else ANSWER
    return [
        (gettext(s.RECEIVED.label), True),
        (gettext(s.IN_REVIEW.label), contribution.status != s.RECEIVED),
        (gettext(final), answered),
    ]


ANSWER = gettext_noop("Svar")
KIND_AND_STATUS_NAMES = (
    gettext_noop("Historie"),
    gettext_noop("Mad med historie"),
    gettext_noop("Billede"),
    gettext_noop("Begivenhed"),
    gettext_noop("Sted"),
    gettext_noop("Modtaget"),
    gettext_noop("Under behandling"),
    gettext_noop("Udgivet"),
    gettext_noop("Afvist"),
    gettext_noop("Trukket tilbage"),
)
"""The labels of ContributionKind and ContributionStatus (Danish in the admin),
marked here so the catalogues carry them for the follow page."""
