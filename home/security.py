"""Keeping strangers out: login throttling, a Content Security Policy, body limits.

Small middlewares rather than packages: each is a few lines, and owning
them means the admin (which needs inline scripts) and the public site (which
does not) can get different policies without fighting a library.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from home.spam import RateLimit

LOGIN_PATH = "/admin/login/"
LOGIN_LIMITED = (
    "For mange forkerte forsøg på at logge ind. Af sikkerhedshensyn er der lukket for "
    "flere forsøg {scope} i {minutes} minutter."
)
SCOPE_USERNAME = "med dette brugernavn fra din forbindelse (den rigtige adgangskode virker stadig)"
SCOPE_ADDRESS = "fra din forbindelse"
TOO_LARGE = gettext_noop("Forespørgslen er for stor. Send mindre tekst eller et mindre billede.")


def login_rate_limit() -> RateLimit:
    return RateLimit("admin-login", settings.LOGIN_RATE_LIMIT, settings.LOGIN_RATE_WINDOW)


def login_address_rate_limit() -> RateLimit:
    return RateLimit(
        "admin-login-address", settings.LOGIN_ADDRESS_RATE_LIMIT, settings.LOGIN_RATE_WINDOW
    )


def _too_many(scope: str) -> HttpResponse:
    minutes = max(settings.LOGIN_RATE_WINDOW // 60, 1)
    message = LOGIN_LIMITED.format(scope=scope, minutes=minutes)
    body = (
        '<!DOCTYPE html><html lang="da"><meta charset="utf-8"><title>For mange forsøg'
        f"</title><h1>For mange forsøg</h1><p>{message}</p>"
        f'<p><a href="{LOGIN_PATH}">Tilbage til log ind</a></p></html>'
    )
    response = HttpResponse(body, status=429)
    response["Retry-After"] = str(settings.LOGIN_RATE_WINDOW)
    return response


class LoginRateLimitMiddleware:
    """Failed logins are counted twice: per client address (every username) and
    per address and username.

    - More than LOGIN_ADDRESS_RATE_LIMIT failures from one address in
      LOGIN_RATE_WINDOW seconds: every login from it gets 429, whatever the
      username or password. This caps guessing, also across many usernames.
    - More than LOGIN_RATE_LIMIT failures for one username from one address: a
      wrong password gets 429 at once, but the right one still logs in, so a
      person who mistyped a few times is not shut out once they remember it.
      (Guessing it is still capped by the address limit above.)

    Wagtail answers a failed login with the form again (200) and a success with
    a redirect (302), which is how the outcome is told apart. A success clears
    the username's count, not the address's.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "POST" or request.path != LOGIN_PATH:
            return self.get_response(request)
        username = (request.POST.get("username") or "").strip().lower()[:150]
        per_user, per_address = login_rate_limit(), login_address_rate_limit()
        if per_address.exceeded(request):
            return _too_many(SCOPE_ADDRESS)
        throttled = per_user.exceeded(request, username)
        response = self.get_response(request)
        if response.status_code in (301, 302, 303):
            per_user.reset(request, username)
            return response
        per_user.count(request, username)
        per_address.count(request)
        return _too_many(SCOPE_USERNAME) if throttled else response


def _origin(url: str) -> str:
    parts = urlsplit(url.replace("{s}", "a").replace("{z}", "0"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def public_policy() -> str:
    """Only our own scripts; images from us, data URLs and the map tile server."""
    tiles = _origin(getattr(settings, "MAP_TILE_URL", "") or "")
    media = _origin(settings.MEDIA_URL)
    img = " ".join(filter(None, ["'self'", "data:", tiles, media]))
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            f"img-src {img}",
            "connect-src 'self'",
            "font-src 'self'",
            "frame-src https://www.youtube-nocookie.com https://www.youtube.com "
            "https://player.vimeo.com",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        ]
    )


def admin_policy() -> str:
    """Wagtail's admin uses inline scripts and styles (Draftail, Stimulus, the
    userbar), so it gets 'unsafe-inline'; still nothing from other origins."""
    media = _origin(settings.MEDIA_URL)
    img = " ".join(filter(None, ["'self'", "data:", "blob:", media, "https:"]))
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline'",
            "style-src 'self' 'unsafe-inline'",
            f"img-src {img}",
            "connect-src 'self'",
            "font-src 'self' data:",
            "frame-src 'self' https://www.youtube-nocookie.com https://www.youtube.com "
            "https://player.vimeo.com",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        ]
    )


class ContentSecurityPolicyMiddleware:
    """Sets Content-Security-Policy when CONTENT_SECURITY_POLICY is on (production)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not getattr(settings, "CONTENT_SECURITY_POLICY", False):
            return response
        if "Content-Security-Policy" in response:
            return response
        is_admin = request.path.startswith("/admin/")
        # A logged-in editor sees the Wagtail userbar and previews on public pages.
        if is_admin or getattr(getattr(request, "user", None), "is_authenticated", False):
            response["Content-Security-Policy"] = admin_policy()
        else:
            response["Content-Security-Policy"] = public_policy()
        return response


class RequestSizeLimitMiddleware:
    """Refuse oversized bodies on public endpoints with 413 before reading them.

    Django's own limits (DATA_UPLOAD_MAX_MEMORY_SIZE, 400) still apply behind
    this; here the declared Content-Length is enough to stop an upload early.
    The admin keeps Wagtail's larger limits for images and documents.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith("/admin/"):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                return HttpResponse("Ugyldig Content-Length.", status=400)
            if length > settings.PUBLIC_MAX_REQUEST_BYTES:
                # Before the language middleware: the URL's prefix says the language.
                language = translation.get_language_from_path(request.path_info)
                with translation.override(language or settings.LANGUAGE_CODE):
                    body = gettext(TOO_LARGE)
                return HttpResponse(body, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


# Public endpoints without a form, by path prefix, and the limit that guards them.
RATE_LIMITED_PATHS = (
    ("/search/", "search"),
    ("/feeds/", "feeds"),
    ("/api/v2/", "feeds"),
    ("/api/places.geojson", "feeds"),
    # The reach beacon's limit ("beacon") is applied by its own entry point
    # (channels/reach/beacon.py), on both of its ways in.
)
# Every other public page is "pages"; these are not public pages (the admin has
# its own login limit) or are files served before Django.
NOT_PAGES = ("/admin/", "/django-admin/", "/api/reach/", "/healthz", "/static/", "/media/")
TOO_MANY = gettext_noop("For mange forespørgsler fra din forbindelse. Vent et minut, og prøv igen.")


def public_rate_limit(scope: str) -> RateLimit | None:
    """The per-minute limit of a scope in PUBLIC_RATE_LIMITS; None when it is off."""
    limit = settings.PUBLIC_RATE_LIMITS.get(scope, 0)
    return RateLimit(f"public-{scope}", limit, 60) if limit > 0 else None


class PublicRateLimitMiddleware:
    """Per-client request limits on search, the feeds, the API, the reach beacon
    and every other public page, so one scraper or script cannot take the portal
    from everyone else.
    Counted before the page cache, so cached answers count too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        scope = next(
            (s for prefix, s in RATE_LIMITED_PATHS if request.path.startswith(prefix)), None
        )
        if scope is None and not request.path.startswith(NOT_PAGES):
            scope = "pages"  # HTML pages: a scraper walking ?side=1…99999 is one client
        rate = public_rate_limit(scope) if scope else None
        if rate is not None:
            if rate.exceeded(request):
                response = HttpResponse(
                    gettext(TOO_MANY), status=429, content_type="text/plain; charset=utf-8"
                )
                response["Retry-After"] = "60"
                return response
            rate.count(request)
        return self.get_response(request)
