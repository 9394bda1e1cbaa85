"""Shared pieces of the headless API."""

from modelsearch.query import PlainText
from wagtail.api.v2.utils import BadRequestError


class CompactJSONMixin:
    """Send compact JSON. Wagtail indents its API output by four spaces, which
    makes Python fall back from its C encoder to the pure-Python one: several
    milliseconds per list of 20 stories, and a larger download for phones."""

    def get_renderer_context(self):
        context = super().get_renderer_context()
        context["indent"] = None
        return context


class SearchOperatorMixin:
    """Refuse an unknown `search_operator` with a 400 naming the allowed ones;
    Wagtail hands it on to the search backend, which raises (a 500)."""

    def filter_queryset(self, queryset):
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator.lower() not in PlainText.OPERATORS:
            raise BadRequestError('search_operator skal være "and" eller "or".')
        return super().filter_queryset(queryset)
