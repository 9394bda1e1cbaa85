"""Shared pieces of the headless API: compact JSON, and parameters checked in Danish.

Municipal web teams build on /api/v2/; a wrong parameter must tell them in
Danish what to send instead, never show a Python error or answer 500. Wagtail's
own checks (unknown fields, ordering, child_of ...) answer in English, so their
messages are translated here; the parameters Wagtail does not bound (a huge
`offset`, any `search_operator`, a `limit` over the maximum) are checked or
clamped before Wagtail sees them.
"""

from __future__ import annotations

import copy
import logging
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DataError
from django.http import Http404
from modelsearch.query import PlainText
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.filters import LocaleFilter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError

from home.api_fields import DetailUrlField, PageHtmlUrlField
from home.languages import locale_ids
from home.text import plain_text, whole_number

logger = logging.getLogger("voresishoj.api")

# Far past the end of any real listing; bounded so the database never gets a
# number it cannot hold (SQLite's 64-bit integers, PostgreSQL's bigint).
MAX_OFFSET = 100_000
MAX_SEARCH_LENGTH = 200
SEARCH_OPERATORS = ("and", "or")
SEARCH_OPERATOR_MESSAGE = 'search_operator skal være "and" eller "or".'
NOT_FOUND = "Findes ikke (eller er ikke offentlig)."
GENERIC = "Forespørgslen kunne ikke besvares med disse parametre. Se docs/api.md."

# Wagtail's English messages and what a Danish reader is told instead.
_TRANSLATIONS = [
    (r"query parameter is not an operation or a recognised field: (.*)",
     "Ukendt parameter: {0}. Se docs/api.md for de parametre, API'et kender."),
    (r"unknown fields: (.*)", "Ukendte felter i 'fields': {0}."),
    (r"'(.*)' does not support nested fields", "Feltet '{0}' har ingen underfelter."),
    (r"fields error: .*", "'fields' kan ikke læses. Skriv felterne adskilt af komma."),
    (r"cannot order by '(.*)' \(unknown field\)", "Kan ikke sortere efter '{0}' (ukendt felt)."),
    (r"cannot order by '(.*)' \(invalid field\)", "Kan ikke sortere efter '{0}'."),
    (r"cannot order by '(.*)' while searching.*",
     "Kan ikke sortere efter '{0}' samtidig med en søgning."),
    (r"cannot filter by '(.*)' while searching.*",
     "Kan ikke filtrere efter '{0}' samtidig med en søgning."),
    (r"random ordering cannot be combined with other fields",
     "'order=random' kan ikke kombineres med andre felter."),
    (r"random ordering with offset is not supported",
     "'order=random' kan ikke kombineres med 'offset'."),
    (r"filtering by tag with a search query is not supported",
     "Der kan ikke både søges og filtreres på emne."),
    (r"search is disabled", "Søgning er slået fra."),
    (r"(child_of|descendant_of|ancestor_of|translation_of) must be a positive integer",
     "'{0}' skal være et helt tal større end 0."),
    (r"parent page doesn't exist", "Siden i 'child_of' findes ikke."),
    (r"descendant page doesn't exist", "Siden i 'ancestor_of' findes ikke."),
    (r"ancestor page doesn't exist", "Siden i 'descendant_of' findes ikke."),
    (r"translation_of page doesn't exist", "Siden i 'translation_of' findes ikke."),
    (r"filtering by (\w+) with (\w+) is not supported",
     "'{0}' og '{1}' kan ikke bruges sammen."),
    (r"type doesn't exist", "Typen i 'type' findes ikke. Brug fx 'stories.StoryPage'."),
    (r"field filter error\. null characters are not allowed for (.*)",
     "Filteret '{0}' indeholder ugyldige tegn."),
    (r"field filter error\. .* is not a valid value for (\w+).*",
     "Ugyldig værdi for filteret '{0}'."),
    (r"offset must be a positive integer", "'offset' skal være et helt tal, 0 eller større."),
    (r"limit must be a positive integer", "'limit' skal være et helt tal større end 0."),
    (r".*rich_text_format.*", "'rich_text_format' skal være 'html' eller 'json'."),
]  # fmt: skip
_COMPILED = [(re.compile(pattern + r"\Z"), danish) for pattern, danish in _TRANSLATIONS]


def danish_message(english: str) -> str:
    """Wagtail's error in Danish; a generic Danish sentence for any we do not know,
    so no internal wording (or exception text) ever reaches a client."""
    for pattern, danish in _COMPILED:
        match = pattern.match(english)
        if match:
            return danish.format(*match.groups())
    return GENERIC


class ParameterProblem(BadRequestError):
    """A parameter we checked ourselves; its message is already Danish."""


def _non_negative(raw: str, name: str) -> int:
    value = whole_number(raw)
    if value is None:
        raise ParameterProblem(f"'{name}' skal være et helt tal, 0 eller større.")
    return value


def clamped_query(query, limit_max: int):
    """A copy of the query string with limit and offset clamped and the search
    parameters checked; raises ParameterProblem with a Danish message."""
    query = query.copy()
    if "limit" in query:
        limit = _non_negative(query["limit"], "limit")
        if limit < 1:
            raise ParameterProblem("'limit' skal være et helt tal større end 0.")
        query["limit"] = str(min(limit, limit_max))
    if "offset" in query:
        query["offset"] = str(min(_non_negative(query["offset"], "offset"), MAX_OFFSET))
    operator = query.get("search_operator")
    if operator is not None and operator.lower() not in SEARCH_OPERATORS:
        raise ParameterProblem(SEARCH_OPERATOR_MESSAGE)
    if len(query.get("search", "")) > MAX_SEARCH_LENGTH:
        raise ParameterProblem(f"'search' må højst være {MAX_SEARCH_LENGTH} tegn.")
    if "id" in query and whole_number(query["id"]) is None:
        raise ParameterProblem("'id' skal være et helt tal.")
    return query


# Fields of any page type that hold plain text (never rich text or a URL):
# the API hands them out without markup (home.text.plain_text).
PLAIN_TEXT_FIELDS = frozenset(
    {"title", "intro", "summary", "purpose", "place_name", "address", "organiser",
     "opening_hours", "contact_name", "byline", "hero_image_alt", "hero_image_caption",
     "image_alt", "caption", "name", "search_description", "seo_title"}
)  # fmt: skip


def plain_representation(data):
    """The serialised page with PLAIN_TEXT_FIELDS as plain text, at any depth
    (the `meta` block, nested partners, ...); rich text fields are left alone."""
    if isinstance(data, dict):
        return {
            key: plain_text(value) if key in PLAIN_TEXT_FIELDS else plain_representation(value)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [plain_representation(item) for item in data]
    return data


class PlainTextPageSerializer(PageSerializer):
    # Wagtail's fields, with what every item shares worked out once (home/api_fields.py).
    detail_url = DetailUrlField(read_only=True)
    html_url = PageHtmlUrlField(read_only=True)

    def get_fields(self):
        # DRF's ModelSerializer works its fields out from the model on every
        # request (reading model metadata, evaluating each lazy verbose name):
        # about a fifth of an API list's time. They depend only on the class,
        # which the API keeps per model and field list, so they are built once
        # per class and copied, as DRF copies declared fields.
        cls = type(self)
        fields = cls.__dict__.get("_fields_built_once")
        if fields is None:
            fields = super().get_fields()
            cls._fields_built_once = fields
        return copy.deepcopy(fields)

    def to_representation(self, instance):
        # A representation kept per published revision (stories/api.py) is
        # handed out as it is; one the view has keyed is kept once built.
        cached = getattr(instance, "_api_representation", None)
        if cached is not None:
            return cached
        data = plain_representation(super().to_representation(instance))
        key = getattr(instance, "_api_representation_key", None)
        to_cache = self.context.get("representations_to_cache")
        if key is not None and to_cache is not None:
            to_cache[key] = data
        return data


class CompactJSONMixin:
    """Send compact JSON. Wagtail indents its API output by four spaces, which
    makes Python fall back from its C encoder to the pure-Python one: several
    milliseconds per list of 20 stories, and a larger download for phones."""

    def get_renderer_context(self):
        context = super().get_renderer_context()
        context["indent"] = None
        return context


class DanishParametersMixin:
    """Check and clamp the query string before Wagtail reads it; answer every
    refusal in Danish as {"message": ...} (the key Wagtail's clients expect)."""

    def initial(self, request, *args, **kwargs):
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20) or 20
        # DRF's request.query_params is the Django request's GET.
        request._request.GET = clamped_query(request._request.GET, limit_max)
        super().initial(request, *args, **kwargs)

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            return Response({"message": NOT_FOUND}, status=status.HTTP_404_NOT_FOUND)
        if isinstance(exc, ParameterProblem):
            return Response({"message": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, BadRequestError):
            message = danish_message(str(exc))
            return Response({"message": message}, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, ValueError | TypeError | OverflowError | ValidationError | DataError):
            # A value that got past every check and still failed in the search
            # backend or the database: the client's input, not our outage.
            logger.warning("API refused a request it could not answer: %r", exc)
            return Response({"message": GENERIC}, status=status.HTTP_400_BAD_REQUEST)
        return super().handle_exception(exc)


class SearchOperatorMixin:
    """Refuse an unknown `search_operator` with a 400 naming the allowed ones;
    Wagtail hands it on to the search backend, which raises (a 500)."""

    def filter_queryset(self, queryset):
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator.lower() not in PlainText.OPERATORS:
            raise ParameterProblem(SEARCH_OPERATOR_MESSAGE)
        return super().filter_queryset(queryset)


def check_locale(code: str | None) -> None:
    """A `?locale=` the portal has no pages in is a mistake worth naming (Wagtail
    answers a bare 404, as if the list itself did not exist)."""
    if code is None:
        return
    known = locale_ids()
    if code not in known:
        raise ParameterProblem(
            f"Ukendt sprog i 'locale'. Brug en af sprogkoderne: {', '.join(known)}."
        )


class KnownLocaleFilter(LocaleFilter):
    """Wagtail's `?locale=` filter by the locale's id from the cached locale rows
    (home.languages): Wagtail reads the locale in a query of its own on every
    request, and check_locale read them all in another, so a list filtered by
    language cost two queries more than the same list unfiltered."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is None:
            return queryset
        check_locale(code)
        child_of = getattr(queryset, "_filtered_by_child_of", None)
        queryset = queryset.filter(locale_id=locale_ids()[code])
        if child_of:
            queryset._filtered_by_child_of = child_of
        return queryset
