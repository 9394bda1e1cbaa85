"""The pages endpoint, taught to fetch a story list in a fixed number of queries.

Wagtail's own endpoint costs an extra query per item once a listing shows
related fields (tags, partners, image renditions); municipal sites page
through the whole archive, so the cost must not grow with the page size.
"""

from django.db.models import Prefetch
from wagtail.api.v2.views import PagesAPIViewSet

from stories.models import Partner, StoryPage


class StoryAwarePagesAPIViewSet(PagesAPIViewSet):
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "intro",
        "date",
        "hero_image",
        "tags",
    ]

    def get_queryset(self):
        queryset = super().get_queryset()
        if queryset.model is StoryPage:
            queryset = queryset.select_related("hero_image").prefetch_related(
                "tags",
                Prefetch("partners", queryset=Partner.objects.select_related("logo")),
            )
        return queryset
