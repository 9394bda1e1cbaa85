from django.contrib import messages
from django.template.loader import render_to_string
from django.urls import path, reverse
from wagtail import hooks

from home.admin_access import (
    AdminDocumentsAPI,
    AdminImagesAPI,
    AdminPagesAPI,
    page_chooser_for,
)
from home.editor_guide import EditorGuideView, editor_guide_menu_item, keep_our_help
from home.image_moderation import (
    refuse_bulk_publish,
    register_log_action,
    say_held_back_after_approval,
)
from home.page_admin import (
    say_published_after_approval,
    set_withdraw_apart,
    withdraw_from_approval,
)
from home.rich_text_links import ReaderPageLinkHandler
from home.translation_admin import add_to_translate_panel
from home.translation_status import original_changes
from home.uploads import without_pending


# After Wagtail's own registrations (order 0), so these replace them.
@hooks.register("construct_admin_api", order=100)
def limit_admin_api(router):
    router.register_endpoint("pages", AdminPagesAPI)
    router.register_endpoint("images", AdminImagesAPI)
    router.register_endpoint("documents", AdminDocumentsAPI)


@hooks.register("register_admin_urls")
def register_page_admin_urls():
    return [
        path(
            "sider/<int:page_id>/traek-tilbage/",
            withdraw_from_approval,
            name="page_withdraw_from_approval",
        ),
        path("vejledning/", EditorGuideView.as_view(), name="editor_guide"),
    ]


@hooks.register("register_help_menu_item")
def register_editor_guide():
    return editor_guide_menu_item(reverse("editor_guide"))


hooks.register("construct_help_menu", keep_our_help)


@hooks.register("construct_image_chooser_queryset")
def no_unmoderated_images(images, request):
    """The image chooser never offers a resident's upload the secretariat has
    not approved; approval moves it out of "Indsendte billeder" (home/uploads.py)."""
    return without_pending(images)


hooks.register("construct_page_action_menu", set_withdraw_apart)
hooks.register("after_edit_page", say_published_after_approval)


@hooks.register("before_edit_page")
def warn_when_original_changed(request, page):
    """A translator opening a translation sees that the Danish original changed
    since it was translated, and in which fields."""
    if request.method != "GET":
        return None
    changes = original_changes(page)
    if changes is None:
        return None
    compare_url = None
    if changes.since_revision_id and changes.original.permissions_for_user(request.user).can_edit():
        compare_url = reverse(
            "wagtailadmin_pages:revisions_compare",
            args=(changes.original.pk, changes.since_revision_id, changes.newest_revision_id),
        )
    messages.warning(
        request,
        render_to_string(
            "home/translation_changes.html", {"changes": changes, "compare_url": compare_url}
        ),
    )
    return None


@hooks.register("register_rich_text_features", order=100)
def link_pages_in_reader_language(features):
    """After Wagtail's own "page" link type, which this replaces."""
    features.register_link_type(ReaderPageLinkHandler)


hooks.register("construct_homepage_panels", add_to_translate_panel)
hooks.register("construct_page_chooser_queryset", page_chooser_for)


hooks.register("register_log_actions", register_log_action)
hooks.register("before_bulk_action", refuse_bulk_publish)
hooks.register("after_edit_page", say_held_back_after_approval)
