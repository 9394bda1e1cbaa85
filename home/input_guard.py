"""One place that refuses input no view can handle, before any view or query runs.

PostgreSQL refuses a NUL byte in any string ("A string literal cannot contain
NUL"), so a NUL in a search, a filter or a form field used to become a 500
wherever it reached the database. Other control characters have no business
in a URL or a resident's text either. A form post declaring a charset other
than UTF-8 is decoded by Django with that charset, which fails in ways the
views cannot see coming. Each of these is refused here with a 400 and a
Danish reason (in the reader's language on /ar/..., /tr/...), so every view
behind it may assume clean text.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import parse_header_parameters
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

# C0 controls except tab, line feed and carriage return, plus DEL.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# In the admin, editors paste from word processors; only NUL is refused there,
# since it is the one character the database cannot store.
NUL = re.compile(r"\x00")
UTF8_NAMES = {"utf-8", "utf8", "us-ascii", "ascii"}

BAD_URL = gettext_noop(
    "Adressen indeholder ugyldige tegn (fx kontroltegn eller NUL-bytes). Ret adressen."
)
BAD_FIELD = gettext_noop(
    "Formularen indeholder ugyldige tegn (fx kontroltegn eller NUL-bytes) i feltet "
    "'%(field)s'. Ret teksten, og send igen."
)
BAD_CHARSET = gettext_noop(
    "Formularen er sendt med tegnsættet '%(charset)s'. Portalen tager kun imod UTF-8; "
    "send igen fra en almindelig browser."
)
BAD_ENCODING = gettext_noop("Forespørgslen indeholder tekst, der ikke er gyldig UTF-8.")


def _wants_json(request: HttpRequest) -> bool:
    path = request.path
    return path.startswith("/api/") or path.endswith((".json", ".geojson"))


def _wants_html(request: HttpRequest) -> bool:
    accept = request.META.get("HTTP_ACCEPT", "")
    return "text/html" in accept or not accept


def refuse(request: HttpRequest, message: str, **params: str) -> HttpResponse:
    """A 400 with the reason in Danish: as JSON for the API and JSON feeds
    (the shape their other errors have), as the site's own error page for a
    browser (menu, search and all), as plain text for feed readers and the rest.
    This runs before the language middleware: a form sent from /ar/... is
    answered in Arabic here too."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        reason = gettext(message) % params if params else gettext(message)
        return _refusal(request, reason)


def _refusal(request: HttpRequest, reason: str) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse(
            {"error": reason}, status=400, json_dumps_params={"ensure_ascii": False}
        )
    if _wants_html(request) and not request.path.startswith("/admin/"):
        return render(request, "400.html", {"reason": reason}, status=400)
    return HttpResponse(reason, status=400, content_type="text/plain; charset=utf-8")


def _declared_charset(request: HttpRequest) -> str:
    _, params = parse_header_parameters(request.META.get("CONTENT_TYPE", ""))
    return (params.get("charset") or "").strip().strip('"').lower()


def _url_is_clean(request: HttpRequest) -> bool:
    raw_path = request.META.get("PATH_INFO", "")
    if CONTROL.search(raw_path) or CONTROL.search(request.path):
        return False
    query = request.META.get("QUERY_STRING", "")
    return not CONTROL_BYTES.search(unquote_to_bytes(query.replace("+", " ")))


def _bad_field(request: HttpRequest) -> str | None:
    """The name of the first form field holding a refused character, if any."""
    pattern = NUL if request.path.startswith("/admin/") else CONTROL
    for name, values in request.POST.lists():
        if pattern.search(name):
            return name[:40].replace("\x00", "")
        for value in values:
            if isinstance(value, str) and pattern.search(value):
                return name[:40]
    for name, upload in request.FILES.items():
        if pattern.search(upload.name or ""):
            return name[:40]
    return None


class InputCleaningMiddleware:
    """Refuse control characters and non-UTF-8 form posts with a Danish 400."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _url_is_clean(request):
            return refuse(request, BAD_URL)
        if request.method in ("POST", "PUT", "PATCH"):
            charset = _declared_charset(request)
            if charset and charset not in UTF8_NAMES:
                return refuse(request, BAD_CHARSET, charset=CONTROL.sub("", charset)[:40])
            if request.content_type in (
                "application/x-www-form-urlencoded",
                "multipart/form-data",
            ):
                if request.content_type == "application/x-www-form-urlencoded":
                    try:
                        request.body.decode("utf-8")
                    except UnicodeDecodeError:
                        return refuse(request, BAD_ENCODING)
                field = _bad_field(request)
                if field is not None:
                    return refuse(request, BAD_FIELD, field=field)
        return self.get_response(request)
