"""The headless API router at /api/v2/: pages, images and documents."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from home.api import CompactJSONMixin, SearchOperatorMixin
from stories.api import StoryAwarePagesAPIViewSet


class CompactImagesAPIViewSet(SearchOperatorMixin, CompactJSONMixin, ImagesAPIViewSet):
    pass


class CompactDocumentsAPIViewSet(SearchOperatorMixin, CompactJSONMixin, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", StoryAwarePagesAPIViewSet)
api_router.register_endpoint("images", CompactImagesAPIViewSet)
api_router.register_endpoint("documents", CompactDocumentsAPIViewSet)
