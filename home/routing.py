"""Find the page for a URL in one query instead of two per level.

Wagtail routes /historier/en-historie/ by finding the site, loading its root
page and that page's specific row, then asking each level for its child and
that child's specific row: six queries before the story is even known. The
site is remembered (home.sites) and a page's `url_path` already names the whole
path, so we look the page up directly, in its own class's table when we have
served that path before. Anything special (drafts, routable pages'
sub-routes, 404s) falls back to Wagtail's own routing, which keeps behaviour
identical.

In another language than Danish the path is looked up under that language's
home page first; where the page is not translated (or its translation is not
live), the Danish original at the same path is served instead, inside the
reader's chrome (home.languages), so a reader keeps the language while moving
around.
"""

from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from home.languages import active_language, default_language
from home.sites import site_for_request
from home.visibility import restricted_or_aliased_on_path


def serve(request, path):
    """Wagtail's page view (wagtail.views.serve), routed by url_path first."""
    language = active_language()
    result = route_by_url_path(request, path, language)
    if result is None and language != default_language():
        # A sub-route of a translated page, then the Danish original.
        result = (
            _route_from_home(request, path, localized=True)
            or route_by_url_path(request, path, default_language())
            or _route_from_home(request, path, localized=False)
        )
    if result is not None:
        # Where Page.route_for_request keeps its answer (as its docstring says),
        # so Wagtail's view and anything else asking in this request use it.
        request._wagtail_route_for_request = result
    return wagtail_views.serve(request, path)


def _route_from_home(request, path: str, localized: bool) -> RouteResult | None:
    """Wagtail's own routing from the reader's home page (`localized`) or the
    Danish one: a routable page's sub-route such as /ar/det-sker/foreslaa/,
    on the Arabic Det sker if it is live, else on the Danish one."""
    site = site_for_request(request)
    if site is None:
        return None
    home = site.root_page.localized if localized else site.root_page
    try:
        return home.specific.route(request, [part for part in path.split("/") if part])
    except Http404:
        return None


def _root_path(site, language: str) -> str | None:
    roots = [root for root in Site.get_site_root_paths() if root.site_id == site.pk]
    for root in roots:
        if root.language_code == language:
            return root.root_path
    if language == default_language() and len(roots) == 1:
        return roots[0].root_path
    return None


def route_by_url_path(request, path: str, language: str | None = None) -> RouteResult | None:
    """A RouteResult for the live page at exactly this path, or None."""
    site = site_for_request(request)
    if site is None:
        return None
    root_path = _root_path(site, language or default_language())
    if root_path is None:
        return None
    url_path = root_path + "".join(f"{part}/" for part in path.split("/") if part)
    page = live_page_at(url_path)
    if page is None:
        return None
    if isinstance(page, RoutablePageMixin):
        # Let the page resolve its own index route.
        return page.route(request, [])
    return RouteResult(page)


# url_path -> the page class last served there. Only a hint: the page is fetched
# by its url_path and checked to be of that class, so a stale hint (a page moved,
# deleted or replaced) costs the one query it saves and is corrected.
_class_at_path: dict[str, type[Page]] = {}
MAX_HINTS = 20_000


def live_page_at(url_path: str) -> Page | None:
    """The specific live page at this url_path: one query if we have served it
    before, otherwise two (its class, then its row)."""
    model = _class_at_path.get(url_path)
    if model is not None:
        page = _one(_serving_queryset(model).filter(url_path=url_path, live=True))
        if page is not None and page.specific_class is model:
            return page
    base = _one(
        Page.objects.filter(url_path=url_path, live=True).only("id", "content_type_id", "url_path")
    )
    model = base.specific_class if base is not None else None
    if model is None:
        return None
    page = _one(_serving_queryset(model).filter(pk=base.pk))
    if page is not None:
        if len(_class_at_path) >= MAX_HINTS:
            _class_at_path.clear()
        _class_at_path[url_path] = model
    return page


def _one(queryset):
    """The first row in the database's own order: a live url_path names one
    page, so first()'s ORDER BY pk would only cost the query its compiling.

    The row says whether a view restriction or an alias lies on the page's
    path (home.visibility). When none does, the page answers Wagtail's check
    before serving (the `on_serve_page` hook calls get_view_restrictions)
    with no restrictions and no query; otherwise Wagtail asks as it always does.
    """
    flag = restricted_or_aliased_on_path()
    found = list(queryset.annotate(_checks_restrictions=flag).order_by()[:1])
    if not found:
        return None
    page = found[0]
    if not page._checks_restrictions:
        page.get_view_restrictions = PageViewRestriction.objects.none
    return page


def _serving_queryset(model):
    queryset = getattr(model, "serving_queryset", None)
    return queryset() if queryset else model.objects.all()
