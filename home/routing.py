"""Serve a deep URL in two queries instead of two per level.

Wagtail routes /historier/en-historie/ by asking each level for its child and
then for that child's specific page: four queries before the story is even
known. A page's `url_path` already names the whole path, so we look it up
directly and fall back to Wagtail's routing for anything special (drafts,
routable pages' sub-routes, 404s), which keeps behaviour identical.
"""

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult


def route_by_url_path(parent: Page, request, path_components: list[str]):
    """Return a RouteResult for a live descendant at this exact path, or None."""
    url_path = parent.url_path + "/".join(path_components) + "/"
    base = (
        Page.objects.filter(url_path=url_path, live=True)
        .only("id", "content_type_id", "url_path")
        .first()
    )
    if base is None:
        return None
    model = base.specific_class
    if model is None:
        return None
    queryset = getattr(model, "serving_queryset", None)
    queryset = queryset() if queryset else model.objects.all()
    page = queryset.filter(pk=base.pk).first()
    if page is None:
        return None
    if isinstance(page, RoutablePageMixin):
        # Let the page resolve its own index route.
        return page.route(request, [])
    return RouteResult(page)
