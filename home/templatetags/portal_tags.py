import json

from django import template
from django.utils.safestring import mark_safe
from wagtail.admin.auth import user_has_any_page_permission

from home.languages import active_language
from home.page_chrome import footer_settings as cached_footer_settings
from home.page_chrome import menu_items
from home.sites import site_for_request

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def jsonld(data):
    """Serialise a dict as a JSON-LD script element, safe inside HTML."""
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


def _site(context):
    request = context.get("request")
    if request is None:
        return None, None
    return request, site_for_request(request)


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request, site = _site(context)
    return {
        "menu_items": menu_items(site, request) if site else [],
        "current_path": getattr(request, "path", ""),
        "reading": active_language(),
    }


@register.simple_tag(takes_context=True)
def footer_settings(context):
    _request, site = _site(context)
    return cached_footer_settings(site) if site else {}


@register.simple_tag
def may_edit_pages(user) -> bool:
    """The admin's page search is for those who may write pages, not report readers."""
    return user_has_any_page_permission(user)
