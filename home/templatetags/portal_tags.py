import json

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def jsonld(data):
    """Serialise a dict as a JSON-LD script element, safe inside HTML."""
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = context.get("request")
    if not url or request is None or url.startswith(("http://", "https://")):
        return url or ""
    return escape(request.build_absolute_uri(url))


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's children marked "Vis i menuer", in tree order."""
    request = context.get("request")
    site = getattr(request, "_wagtail_site", None)
    if site is None and request is not None:
        from wagtail.models import Site

        site = Site.find_for_request(request)
    pages = []
    if site is not None:
        from wagtail.models import Page

        pages = list(
            Page.objects.filter(
                path__startswith=site.root_page.path,
                depth=site.root_page.depth + 1,
                show_in_menus=True,
            )
            .live()
            .only("id", "title", "url_path", "path", "depth")
            .order_by("path")
        )
    return {"menu_pages": pages, "request": request, "current_path": getattr(request, "path", "")}
