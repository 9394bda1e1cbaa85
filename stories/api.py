"""The pages endpoint, taught to fetch a story list in a fixed number of queries.

Wagtail's own endpoint costs an extra query per item once a listing shows
related fields (tags, partners, image renditions); municipal sites page
through the whole archive, so the cost must not grow with the page size.
"""

from django.conf import settings
from django.db.models import Prefetch
from django.utils.functional import SimpleLazyObject
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images import get_image_model
from wagtail.models import Site

from home.api import (
    CompactJSONMixin,
    DanishParametersMixin,
    PlainTextPageSerializer,
    SearchOperatorMixin,
)
from home.sites import site_for_request
from stories.blocks import API_RENDITIONS
from stories.models import Partner, StoryPage, StoryTag
from stories.models.listing import listed_total_under

# Parameters that page or shape the story list without changing which stories
# are in it: its total can come from the topic table.
PLAIN_LIST_PARAMETERS = {"type", "limit", "offset", "fields", "order"}

# What a story list shows with the default fields (id, meta, title, intro, date,
# hero_image with its alt text, tags): a list loads no other column.
LISTING_COLUMNS = (
    "content_type_id",
    "url_path",
    "slug",
    "title",
    "first_published_at",
    "intro",
    "date",
    "hero_image_id",
    "hero_image_alt",
    # The page's language: its URL (/ar/...) and the locale join above need it.
    "locale",
)


def add_topic_names(stories: list[StoryPage]) -> None:
    """Each story's topic names as `topic_names` (stories.serializers.TopicsField),
    in one query that loads names only, not a tag and a tagged item per topic."""
    names = {story.pk: [] for story in stories}
    if names:
        rows = StoryTag.objects.filter(content_object_id__in=names).values_list(
            "content_object_id", "tag__name"
        )
        for story_id, name in rows:
            names[story_id].append(name)
    for story in stories:
        story.topic_names = names[story.pk]


class KnownTotalPagination(WagtailPagination):
    """Wagtail's limit/offset paging, with the list's `total_count` taken from
    the view when it knows it (StoryAwarePagesAPIViewSet.known_total): a
    COUNT over the public pages walks every story on each request."""

    def paginate_queryset(self, queryset, request, view=None):
        total = view.known_total() if view is not None else None
        if total is None:
            return super().paginate_queryset(queryset, request, view)
        # Wagtail checks limit and offset (and counts nothing: the list is empty).
        super().paginate_queryset(queryset.none(), request, view)
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
        offset = int(request.GET.get("offset", 0))
        limit = int(request.GET.get("limit", min(20, limit_max) if limit_max else 20))
        self.total_count = total
        return queryset[offset : offset + limit]


class StoryAwarePagesAPIViewSet(
    DanishParametersMixin, SearchOperatorMixin, CompactJSONMixin, PagesAPIViewSet
):
    # Plain-text fields leave without markup (home/api.py).
    base_serializer_class = PlainTextPageSerializer
    pagination_class = KnownTotalPagination
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "intro",
        "date",
        "hero_image",
        "tags",
    ]

    # Wagtail builds a new serializer class, fields and all, for every request.
    # The class depends only on the model and the requested fields, so it is
    # kept; the bound keeps arbitrary `fields=` values from growing it forever.
    _serializer_classes: dict = {}
    SERIALIZER_CACHE_SIZE = 256

    @classmethod
    def _get_serializer_class(cls, router, model, fields_config, show_details=False, nested=False):
        key = (cls, id(router), model, repr(fields_config), show_details, nested)
        serializer_class = cls._serializer_classes.get(key)
        if serializer_class is None:
            serializer_class = super()._get_serializer_class(
                router, model, fields_config, show_details=show_details, nested=nested
            )
            if len(cls._serializer_classes) >= cls.SERIALIZER_CACHE_SIZE:
                cls._serializer_classes.clear()
            cls._serializer_classes[key] = serializer_class
        return serializer_class

    def get_base_queryset(self):
        # Wagtail builds this up to three times a request, each time loading
        # every view restriction again; the answer cannot change mid-request.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset

    def get_queryset(self):
        # Asked for twice a request (the serializer needs the model); build once.
        if not hasattr(self, "_queryset"):
            self._queryset = self._build_queryset()
        return self._queryset

    def _build_queryset(self):
        if self.request.GET.get("type") == "stories.StoryPage":
            # Filter the story table itself; Wagtail's generic path wraps the
            # public pages in an IN subquery that each COUNT and page re-runs.
            queryset = get_public_pages_queryset(self.request, model=StoryPage)
        else:
            queryset = super().get_queryset()
        if self.asks_for("locale") or settings.WAGTAIL_I18N_ENABLED:
            # Shown with `fields=*`: one query per item without this join.
            queryset = queryset.select_related("locale")
        if queryset.model is StoryPage:
            # Renditions come prefetched in one query: for a list of images
            # that is cheaper than one cache lookup per image and size.
            images = get_image_model().objects.prefetch_renditions(*API_RENDITIONS.values())
            queryset = queryset.prefetch_related(Prefetch("hero_image", queryset=images))
            listing = self.action == "listing_view"
            if not listing:
                # A list reads its topic names in bulk instead (paginate_queryset).
                queryset = queryset.prefetch_related(
                    Prefetch("tagged_items", queryset=StoryTag.objects.select_related("tag"))
                )
            # Lists show teasers: partners and the body only when asked for, so
            # a plain list does not load and parse 20 bodies it never shows.
            if not listing or self.asks_for("partners"):
                queryset = queryset.prefetch_related(
                    Prefetch("partners", queryset=Partner.objects.select_related("logo"))
                )
            if listing and "fields" not in self.request.GET:
                # The default fields read these columns alone (LISTING_COLUMNS).
                queryset = queryset.only(*LISTING_COLUMNS)
            elif listing and not self.asks_for("body"):
                queryset = queryset.defer_streamfields()
        return queryset

    def initial(self, request, *args, **kwargs):
        # The site from home.sites' cache, left where Wagtail's lookups find it:
        # Wagtail would rank the sites in a query on every request.
        site_for_request(request._request)
        super().initial(request, *args, **kwargs)

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if (
            page is not None
            and self.get_queryset().model is StoryPage
            and self.action == "listing_view"
        ):
            page = list(page)
            add_topic_names(page)
        return page

    def get_serializer_context(self):
        # Wagtail puts the public pages in the context for the `parent` field
        # alone, building the queryset (and loading every view restriction) a
        # second time per request; a list never shows `parent`.
        context = BaseAPIViewSet.get_serializer_context(self)
        context["base_queryset"] = SimpleLazyObject(self.get_base_queryset)
        return context

    def known_total(self) -> int | None:
        """The number of stories in a plain story list, from the topic table.

        Only where it is the same set the topic table counts: every live story
        of the site with no view restriction, asked for by a client that has
        no session (so no password or log-in opens a restricted story to it)
        and filters nothing.
        """
        request = self.request
        if request.GET.get("type") != "stories.StoryPage" or not set(request.GET).issubset(
            PLAIN_LIST_PARAMETERS
        ):
            return None
        if settings.SESSION_COOKIE_NAME in request.COOKIES or settings.WAGTAIL_I18N_ENABLED:
            return None  # a session may open restricted stories; translations are other trees
        site = Site.find_for_request(request)
        return listed_total_under(site.root_page) if site else None

    def asks_for(self, field: str) -> bool:
        fields = self.request.GET.get("fields", "")
        return field in fields or fields.startswith("*")
