"""A short editor's guide in Danish, in the admin itself.

Wagtail's help menu links to its own guide, in English and about Wagtail in
general; our editors are volunteers who write stories for Vores Ishøj. The
help menu, the dashboard and the account summary link here instead.
"""

from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

WAGTAIL_HELP_ITEMS = ("editor-guide", "whats-new-in-wagtail-")
"""Wagtail's own help items (its English guide, its release notes), by name."""


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Vejledning for redaktører"
    header_icon = "help"
    template_name = "wagtailadmin/editor_guide.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]


def editor_guide_menu_item(url: str) -> MenuItem:
    return MenuItem(
        "Vejledning for redaktører", url, icon_name="help", order=900, name="vejledning"
    )


def keep_our_help(request, menu_items):
    """construct_help_menu: Wagtail's English guide and release notes out, ours in."""
    menu_items[:] = [item for item in menu_items if not item.name.startswith(WAGTAIL_HELP_ITEMS)]
