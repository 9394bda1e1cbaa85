"""The pages endpoint, taught to fetch a story list in a fixed number of queries.

Wagtail's own endpoint costs an extra query per item once a listing shows
related fields (tags, partners, image renditions); municipal sites page
through the whole archive, so the cost must not grow with the page size.
"""

from django.db.models import Prefetch
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images import get_image_model

from home.api import CompactJSONMixin
from stories.blocks import API_RENDITIONS
from stories.models import Partner, StoryPage, StoryTag


class StoryAwarePagesAPIViewSet(CompactJSONMixin, PagesAPIViewSet):
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "intro",
        "date",
        "hero_image",
        "tags",
    ]

    def get_base_queryset(self):
        # Wagtail builds this up to three times a request, each time loading
        # every view restriction again; the answer cannot change mid-request.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset

    def get_queryset(self):
        queryset = super().get_queryset()
        if queryset.model is StoryPage:
            # Renditions come prefetched in one query: for a list of images
            # that is cheaper than one cache lookup per image and size.
            images = get_image_model().objects.prefetch_renditions(*API_RENDITIONS.values())
            queryset = queryset.prefetch_related(
                Prefetch("hero_image", queryset=images),
                Prefetch("tagged_items", queryset=StoryTag.objects.select_related("tag")),
            )
            listing = self.action == "listing_view"
            # Lists show teasers: partners and the body only when asked for, so
            # a plain list does not load and parse 20 bodies it never shows.
            if not listing or self.asks_for("partners"):
                queryset = queryset.prefetch_related(
                    Prefetch("partners", queryset=Partner.objects.select_related("logo"))
                )
            if listing and not self.asks_for("body"):
                queryset = queryset.defer_streamfields()
        return queryset

    def asks_for(self, field: str) -> bool:
        fields = self.request.GET.get("fields", "")
        return field in fields or fields.startswith("*")
