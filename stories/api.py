"""The pages endpoint, taught to fetch a story list in a fixed number of queries.

Wagtail's own endpoint costs an extra query per item once a listing shows
related fields (tags, partners, image renditions); municipal sites page
through the whole archive, so the cost must not grow with the page size.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, F, OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.db.models.functions import Length, Substr
from django.utils.functional import SimpleLazyObject
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.filters import LocaleFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import page_models_from_string
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.blocks import ListBlock, StreamBlock, StructBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

from home.api import (
    CompactJSONMixin,
    DanishParametersMixin,
    KnownLocaleFilter,
    PlainTextPageSerializer,
    SearchOperatorMixin,
    check_locale,
)
from home.page_chrome import fragment_generation
from home.sites import site_for_request
from home.visibility import not_restricted
from stories import api_list
from stories.blocks import API_RENDITIONS
from stories.models import Partner, StoryPage, StoryTag
from stories.models.listing import listed_total_under

# What a story list shows with the default fields (id, meta, title, intro, date,
# the picture as `hero_image` with its alt text, tags): a list loads no other column.
LISTING_COLUMNS = (
    "content_type_id",
    "url_path",
    "slug",
    "title",
    "first_published_at",
    "intro",
    "date",
    "image_id",
    "image_alt",
    # The page's language: its URL (/ar/...) and the locale join above need it.
    "locale",
    # The key of the story's cached representation (representation_key).
    "live_revision_id",
    "last_published_at",
)


def public_names(model) -> dict[str, str]:
    """The names the API publishes for fields the model calls otherwise, each
    with the model field behind it (`api_public_names` beside `api_fields`:
    a story's `hero_image` is `image`, a place's `summary` is `intro`)."""
    return getattr(model, "api_public_names", {})


def listed_model(query):
    """The one page type a list asks for (`?type=`), or None."""
    try:
        models = page_models_from_string(query.get("type", ""))
    except (LookupError, ValueError):
        return None
    return models[0] if len(models) == 1 else None


# Bounds how long a process that missed a change (a partner's new logo, a
# local cache elsewhere) can hand out an old item; as the story fragments.
REPRESENTATION_TIMEOUT = 300


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


def read_public_names(query):
    """The list's query with filters and ordering by a public name
    (`?hero_image_alt=...`, `?order=-summary`) read as the model field's, so
    they work as they did when the model had those names. `fields` is left
    alone: the serializer answers to the public names."""
    names = public_names(listed_model(query)) if "type" in query else {}
    renamed = [name for name in names if name in query]
    order = query.get("order", "")
    if not renamed and not any(name in order for name in names):
        return query
    query = query.copy()
    for name in renamed:
        query.setlist(names[name], query.pop(name))
    if order:
        query["order"] = ",".join(
            ("-" if item.startswith("-") else "") + names.get(item.lstrip("-"), item.lstrip("-"))
            for item in order.split(",")
        )
    return query


def load_bodies_and_images(stories: list[StoryPage], with_body: bool) -> None:
    """Every story's body (when shown) with its pictures, and the API renditions
    of those pictures, the hero images and partners' logos, for a whole list at once.

    Left to Wagtail, each body reads its pictures in a query of its own when it
    is serialised, and each picture its renditions from the cache one by one:
    `fields=*` cost two queries per story. Here StreamBlock.bulk_to_python reads
    the pictures of all bodies together (one query per kind of block that holds
    a picture), and one query reads the renditions of every picture in the list.
    """
    images = [story.image for story in stories if story.image is not None]
    for story in stories:
        # Partners' logos, where the list shows partners (prefetched with them).
        partners = getattr(story, "_prefetched_objects_cache", {}).get("partners")
        images.extend(partner.logo for partner in partners or () if partner.logo)
    if with_body:
        field = StoryPage._meta.get_field("body")
        bodies = field.stream_block.bulk_to_python([list(s.body.raw_data) for s in stories])
        for story, body in zip(stories, bodies, strict=True):
            body._stream_field = field  # as StreamField.to_python leaves it (pickling)
            story.__dict__["body"] = body
            images.extend(_images_in(field.stream_block, body))
    missing = [image for image in images if not hasattr(image, "prefetched_renditions")]
    if missing:
        specs = list(API_RENDITIONS.values())
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
        prefetch_related_objects(
            missing, Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions")
        )


def _images_in(block, value):
    """The pictures in a block's value, at any depth (a gallery's list of images)."""
    if value is None:
        return
    if isinstance(block, ImageChooserBlock):
        yield value
    elif isinstance(block, StreamBlock):
        for child in value:
            yield from _images_in(child.block, child.value)
    elif isinstance(block, ListBlock):
        for item in value:
            yield from _images_in(block.child_block, item)
    elif isinstance(block, StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _images_in(child_block, value.get(name))


class KnownTotalPagination(WagtailPagination):
    """Wagtail's limit/offset paging, with the list's `total_count` taken from
    the view when it knows it (StoryAwarePagesAPIViewSet.known_total): a
    COUNT over the public pages walks every story on each request."""

    def paginate_queryset(self, queryset, request, view=None):
        total = view.known_total(queryset) if view is not None else None
        if total is None:
            return super().paginate_queryset(queryset, request, view)
        # Wagtail checks limit and offset and slices; the count is known.
        return super().paginate_queryset(_KnownCount(queryset, total), request, view)


class _KnownCount:
    """A queryset whose count() is already known (not even compiled again)."""

    def __init__(self, queryset, total: int):
        self.queryset = queryset
        self.total = total

    def count(self) -> int:
        return self.total

    def __getitem__(self, item):
        return self.queryset[item]


class StoryAwarePagesAPIViewSet(
    DanishParametersMixin, SearchOperatorMixin, CompactJSONMixin, PagesAPIViewSet
):
    # Plain-text fields leave without markup (home/api.py).
    base_serializer_class = PlainTextPageSerializer
    # `?locale=` without a query of its own (home/api.py).
    filter_backends = [
        KnownLocaleFilter if backend is LocaleFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]
    pagination_class = KnownTotalPagination
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "intro",
        "date",
        "hero_image",
        "tags",
    ]

    # Every page says its language (`meta.locale`, e.g. "da", "ar"), in lists
    # and alone, whether or not the site has translations switched on: a
    # municipal site that shows our stories must set `lang` on each one.
    @classmethod
    def get_listing_default_fields(cls, model):
        fields = super().get_listing_default_fields(model)
        return fields if "locale" in fields else [*fields, "locale"]

    @classmethod
    def get_detail_default_fields(cls, model):
        fields = super().get_detail_default_fields(model)
        return fields if "locale" in fields else [*fields, "locale"]

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only=db_fields_only)
        if db_fields_only:
            # The columns behind the public names, which filters and ordering
            # are given by (read_public_names); not extra names for `fields`.
            fields = [*fields, *public_names(model).values()]
        return fields

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
            queryset = self.public_stories()
            self._public_stories = queryset is not None
            if queryset is None:
                queryset = get_public_pages_queryset(self.request, model=StoryPage)
        else:
            queryset = super().get_queryset()
        # Every item shows its language: one query per item without this join.
        queryset = queryset.select_related("locale")
        if queryset.model is StoryPage:
            listing = self.action == "listing_view"
            if listing and self.caches_representations():
                # Stories whose representation is cached need no body, image
                # or partner; the rest get them in paginate_queryset.
                if "fields" not in self.request.GET:
                    return queryset.only(*LISTING_COLUMNS)
                return queryset.defer_streamfields()
            if listing:
                # Hero images' renditions are read with the bodies' pictures'
                # (load_bodies_and_images).
                queryset = queryset.prefetch_related("image")
            else:
                # Renditions come prefetched in one query: for a list of images
                # that is cheaper than one cache lookup per image and size.
                images = get_image_model().objects.prefetch_renditions(*API_RENDITIONS.values())
                queryset = queryset.prefetch_related(Prefetch("image", queryset=images))
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
        request._request.GET = read_public_names(request._request.GET)
        super().initial(request, *args, **kwargs)
        check_locale(request.GET.get("locale"))

    def listing_view(self, request):
        # A plain list asked for before, with every item kept, is answered
        # from its prepared SQL (stories/api_list.py); the rest as Wagtail does.
        answer = api_list.answer(self)
        return answer if answer is not None else super().listing_view(request)

    def paginate_queryset(self, queryset):
        shape = api_list.list_shape(self) if self.caches_representations() else None
        if shape is not None and getattr(self, "_public_stories", False):
            api_list.remember(shape, queryset)
        page = super().paginate_queryset(queryset)
        if (
            page is not None
            and self.get_queryset().model is StoryPage
            and self.action == "listing_view"
        ):
            page = list(page)
            if self.caches_representations():
                page_to_build = self.take_cached_representations(page)
                self.load_relations(page_to_build)
            else:
                page_to_build = page
            add_topic_names(page_to_build)
            load_bodies_and_images(page_to_build, with_body=self.asks_for("body"))
        return page

    def caches_representations(self) -> bool:
        """A story list for a client with no session keeps each story's
        representation per published revision. Which stories are in the list
        is still decided by the list's own query on every request, so a story
        restricted after it was cached is left out as before; a session (which
        may open a restricted story) is never served from or into the cache."""
        return (
            self.action == "listing_view"
            and self.request.GET.get("type") == "stories.StoryPage"
            and self.anonymous()
        )

    def representation_shape(self) -> str:
        """What a story's item depends on besides the story: the fields and
        rich-text format asked for, the locale filter and the host the URLs
        are built for (as a short digest)."""
        asked = self.request.GET
        shape = "|".join(
            (
                asked.get("fields", ""),
                asked.get("rich_text_format", ""),
                asked.get("locale", ""),
                self.request.get_host(),
            )
        )
        return hashlib.sha1(shape.encode(), usedforsecurity=False).hexdigest()[:16]

    @staticmethod
    def representation_key(pk, live_revision_id, last_published_at, generation, shape) -> str:
        """A story's item is kept per published revision and the chrome's
        generation (a linked page moved, another story published, a partner
        saved: as the story fragments). Given as columns, which the prepared
        list (stories/api_list.py) reads without building the story."""
        published = last_published_at.timestamp() if last_published_at else "-"
        return f"api-story:{pk}:{live_revision_id}:{published}:{generation}:{shape}"

    def take_cached_representations(self, page: list[StoryPage]) -> list[StoryPage]:
        """Attach each cached representation to its story (the serializer hands
        it out as it is) and key the others so theirs are kept once built;
        returns the stories still to be built."""
        generation = fragment_generation()
        shape = self.representation_shape()
        keys = {
            story.pk: self.representation_key(
                story.pk, story.live_revision_id, story.last_published_at, generation, shape
            )
            for story in page
        }
        cached = cache.get_many(list(keys.values()))
        to_build = []
        for story in page:
            key = keys[story.pk]
            if key in cached:
                story._api_representation = cached[key]
            else:
                story._api_representation_key = key
                to_build.append(story)
        return to_build

    def load_relations(self, stories: list[StoryPage]) -> None:
        """What the list's query left out for the stories still to be built:
        hero images, partners with their logos and the body when shown, each
        in one query for them all."""
        if not stories:
            return
        prefetch_related_objects(stories, "image")
        if self.asks_for("partners"):
            prefetch_related_objects(
                stories, Prefetch("partners", queryset=Partner.objects.select_related("logo"))
            )
        if self.asks_for("body"):
            bodies = StoryPage.objects.filter(pk__in=[s.pk for s in stories]).only("body")
            by_pk = {story.pk: story.body for story in bodies}
            for story in stories:
                story.body = by_pk[story.pk]

    def get_paginated_response(self, data):
        to_cache = getattr(self, "_representations_to_cache", None)
        if to_cache:
            cache.set_many(to_cache, REPRESENTATION_TIMEOUT)
        return super().get_paginated_response(data)

    def get_serializer_context(self):
        # Wagtail puts the public pages in the context for the `parent` field
        # alone, building the queryset (and loading every view restriction) a
        # second time per request; a list never shows `parent`.
        context = BaseAPIViewSet.get_serializer_context(self)
        context["base_queryset"] = SimpleLazyObject(self.get_base_queryset)
        # Filled by the serializer with representations to keep (paginated response).
        context["representations_to_cache"] = self.__dict__.setdefault(
            "_representations_to_cache", {}
        )
        return context

    def anonymous(self) -> bool:
        """A client with no session: no password or log-in opens a restricted
        page to it, so every view restriction shuts it out."""
        return settings.SESSION_COOKIE_NAME not in self.request.COOKIES

    def root_path(self) -> Subquery | None:
        """The tree path of the site's root page, as a subquery of the query
        that needs it (Wagtail loads the root page in a query of its own)."""
        site = site_for_request(self.request._request)
        if site is None:
            return None
        return Subquery(Page.objects.filter(pk=site.root_page_id).values("path")[:1])

    def public_stories(self):
        """The live stories of the site an anonymous client may read, in one
        query with the list: Wagtail's get_public_pages_queryset first loads
        every view restriction and the site's root page, two queries per
        request. None where Wagtail's answer is needed: a session (it may open
        a restricted story), another site asked for, or a search (the search
        backend takes only filters on indexed fields, no subquery).

        With translations, Wagtail lists the site's root and its translations'
        trees (one per language); so does the subquery here, by matching each
        story's path against the roots' paths."""
        asked = self.request.GET
        if not self.anonymous() or "site" in asked or "search" in asked:
            return None
        if not settings.WAGTAIL_I18N_ENABLED:
            root_path = self.root_path()
            if root_path is None:
                return None
            return StoryPage.objects.live().filter(not_restricted(), path__startswith=root_path)
        site = site_for_request(self.request._request)
        if site is None:
            return None
        root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")[:1]
        roots = (
            Page.objects.filter(translation_key=Subquery(root_key))
            .annotate(length=Length("path"))
            .filter(path=Substr(OuterRef("path"), 1, F("length")))
        )
        return StoryPage.objects.live().filter(not_restricted(), Exists(roots))

    def known_total(self, queryset) -> int | None:
        """The number of stories in a plain story list, counted once per
        fragment generation (stories/api_list.py): a COUNT over the public
        pages walks every story. Without translations or a language filter it
        is read from the topic table, which counts the same stories."""
        shape = api_list.list_shape(self)
        if shape is None:
            return None

        def count() -> int:
            if not settings.WAGTAIL_I18N_ENABLED and "locale" not in self.request.GET:
                total = listed_total_under(self.root_path())
                if total is not None:
                    return total
            return queryset.count()

        return api_list.known_total(shape, count)

    def queryset_db(self) -> str:
        return StoryPage.objects.db

    def asks_for(self, field: str) -> bool:
        fields = self.request.GET.get("fields", "")
        return field in fields or fields.startswith("*")
