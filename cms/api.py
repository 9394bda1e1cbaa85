"""The headless API router at /api/v2/: pages, images and documents.

Images and documents residents uploaded are left out until the secretariat
approves them (home/uploads.py): the listing, `find` and the detail view all
start from the same queryset, so none of them can show a pending file.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from home.api import CompactJSONMixin, DanishParametersMixin, SearchOperatorMixin
from home.uploads import without_pending
from stories.api import StoryAwarePagesAPIViewSet


class ModeratedMixin:
    def get_queryset(self):
        return without_pending(super().get_queryset())


class PublicAPIMixin(DanishParametersMixin, SearchOperatorMixin, ModeratedMixin, CompactJSONMixin):
    pass


class CompactImagesAPIViewSet(PublicAPIMixin, ImagesAPIViewSet):
    pass


class CompactDocumentsAPIViewSet(PublicAPIMixin, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", StoryAwarePagesAPIViewSet)
api_router.register_endpoint("images", CompactImagesAPIViewSet)
api_router.register_endpoint("documents", CompactDocumentsAPIViewSet)
