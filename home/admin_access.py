"""Admin views that hold residents' personal data open only to those who may read it.

Wagtail's generic chooser views (`/admin/snippets/choose/<app>/<model>/`, its
results and each `chosen/<pk>/`) check no permission at all: any user who can
enter the admin could list residents' event suggestions there. A snippet that
holds personal data uses `PrivateSnippetChooserViewSet`, whose every view
answers 403 unless the user may view that model (the secretariat).

The admin API (`/admin/api/main/…`) likewise serves any admin user; here its
images and documents are limited to what the user may choose, and its pages
to those who may edit pages (home/wagtail_hooks.py registers them).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework.response import Response
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.contrib.settings.views import redirect_to_relevant_instance
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
    SnippetCreateView,
)


class ViewPermissionRequired:
    """403 unless the user has the model's `view` permission."""

    def dispatch(self, request, *args, **kwargs):
        opts = self.model._meta
        if not request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PrivateChooseView(ViewPermissionRequired, ChooseView):
    pass


class PrivateChooseResultsView(ViewPermissionRequired, ChooseResultsView):
    pass


class PrivateChosenView(ViewPermissionRequired, SnippetChosenView):
    pass


class PrivateChosenMultipleView(ViewPermissionRequired, SnippetChosenMultipleView):
    pass


class PrivateCreateView(ViewPermissionRequired, SnippetCreateView):
    pass


class PrivateSnippetChooserViewSet(SnippetChooserViewSet):
    choose_view_class = PrivateChooseView
    choose_results_view_class = PrivateChooseResultsView
    chosen_view_class = PrivateChosenView
    chosen_multiple_view_class = PrivateChosenMultipleView
    create_view_class = PrivateCreateView


class ChoosableOnlyMixin:
    """The admin API's images and documents: only what the user may choose, and
    403 for a user who may choose none (the report reader, who only reads reports)."""

    def get_queryset(self):
        policy = policy_registry.get_by_type(self.model)
        user = self.request.user
        if not policy.user_has_any_permission(user, ["choose", "add", "change"]):
            raise PermissionDenied
        allowed = policy.instances_user_has_any_permission_for(user, ["choose", "add", "change"])
        return super().get_queryset().filter(pk__in=allowed.values("pk"))

    def handle_exception(self, exc):
        if isinstance(exc, PermissionDenied):
            message = "Du har ikke adgang til dette i administrationen."
            return Response({"message": message}, status=403)
        return super().handle_exception(exc)


class PageEditorsOnlyMixin(ChoosableOnlyMixin):
    """The admin API's pages (drafts and all): for those who may edit pages."""

    def get_queryset(self):
        if not PagePermissionPolicy().user_has_any_permission(
            self.request.user, ["add", "change", "publish"]
        ):
            raise PermissionDenied
        return super(ChoosableOnlyMixin, self).get_queryset()


class AdminImagesAPI(ChoosableOnlyMixin, ImagesAdminAPIViewSet):
    """Never the residents' unmoderated uploads ("Indsendte billeder"): the
    API served their renditions to anyone who may choose images."""

    def get_queryset(self):
        from home.uploads import without_pending

        return without_pending(super().get_queryset())


class AdminDocumentsAPI(ChoosableOnlyMixin, DocumentsAdminAPIViewSet):
    pass


class AdminPagesAPI(PageEditorsOnlyMixin, PagesAdminAPIViewSet):
    pass


def site_setting_entry(request, app_name: str, model_name: str):
    """/admin/settings/<app>/<model>/ for a user who may change it on no site: 403.

    Wagtail's view looks up "the first site they may edit" with a DISTINCT query
    ordered by an expression, which PostgreSQL refuses (a 500 for co-editors
    and report readers); a user without the permission never needs that query.
    """
    model = settings_registry.get_by_natural_key(app_name, model_name)
    if model is None:
        raise Http404
    policy = policy_registry.get_by_type(model)

    @require_admin_access
    def view(request):
        if not policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        return redirect_to_relevant_instance(request, app_name, model_name)

    return view(request)


def refuse_empty_bulk_actions() -> None:
    """A bulk action's confirmation page for objects the user may not act on: 403.

    Wagtail shows the confirmation anyway, listing each object as one "you
    don't have permission to" act on: a co-editor opening the delete page of
    residents' event suggestions saw a form for an action she cannot take (and
    the objects' names). With nothing she may act on, the answer is a plain 403.
    """
    from wagtail.admin.views.bulk_action.base_bulk_action import BulkAction

    if getattr(BulkAction, "_voresishoj_refuses_empty", False):
        return
    from django.views.defaults import permission_denied

    original = BulkAction.get

    def get(self, request, *args, **kwargs):
        actionable, _refused = self.get_actionable_objects()
        if not actionable:
            # Not Wagtail's redirect to the dashboard: a 403, as for any URL refused.
            return permission_denied(request, PermissionDenied())
        return original(self, request, *args, **kwargs)

    BulkAction.get = get
    BulkAction._voresishoj_refuses_empty = True


def page_chooser_for(pages, request):
    """construct_page_chooser_queryset: who may not edit pages (a report reader)
    picks among published pages only, so no draft's title reaches them."""
    if PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"]):
        return pages
    return pages.live()
