"""Wagtail's page editor, adjusted where it surprised our editors.

- The create form does not autosave. Wagtail's autosave creates the page as a
  draft the moment the editor types; an editor who gives up and starts again
  with the same title then meets "slug already in use" for a page she never
  saved. On the create form she saves with "Gem kladde" herself; once the
  page exists, the edit form autosaves as Wagtail does.
- An approval that publishes the page says so ("godkendt og udgivet"), not
  Wagtail's "has been updated", which reads as if nothing went out.
- Withdrawing a page from approval ("Træk tilbage fra godkendelse") is not one
  more item among the approve actions: it stands apart at the end of the menu
  and asks first, on a page of its own that says what will happen.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.admin.action_menu import ActionMenuItem, CancelWorkflowMenuItem
from wagtail.admin.views.pages.create import CreateView
from wagtail.models import Page


class CreatePageView(CreateView):
    """Wagtail's create view without autosave (see the module's docstring)."""

    def get_context_data(self, **kwargs):
        self.autosave_enabled = False
        return super().get_context_data(**kwargs)


def _workflow_state(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    state = page.current_workflow_state
    if state is None or not state.user_can_cancel(request.user):
        raise PermissionDenied
    return page, state


def withdraw_from_approval(request, page_id: int):
    """GET: what withdrawing means, and a button; POST: withdraw."""
    page, state = _workflow_state(request, page_id)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if request.method == "POST":
        state.cancel(user=request.user)
        messages.success(
            request,
            f"»{page.get_admin_display_title()}« er trukket tilbage fra godkendelse. Siden "
            "er en kladde igen; send den til godkendelse, når den er klar.",
        )
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "wagtailadmin/pages/withdraw_from_approval.html",
        {"page": page, "state": state, "edit_url": edit_url, "page_title": "Træk tilbage"},
    )


class WithdrawFromApprovalMenuItem(ActionMenuItem):
    """A link to the confirmation page, set apart below the approve actions."""

    label = "Træk tilbage fra godkendelse"
    name = "action-withdraw-from-approval"
    icon_name = "error"
    template_name = "wagtailadmin/pages/action_menu/withdraw_from_approval.html"
    order = 10_000

    def is_shown(self, context):
        return CancelWorkflowMenuItem().is_shown(context)

    def get_url(self, context):
        return reverse("page_withdraw_from_approval", args=[context["page"].pk])


def set_withdraw_apart(menu_items, request, context):
    """construct_page_action_menu: the withdraw link replaces Wagtail's button, last."""
    found = [i for i, item in enumerate(menu_items) if isinstance(item, CancelWorkflowMenuItem)]
    for index in reversed(found):
        del menu_items[index]
    if found:
        menu_items.append(WithdrawFromApprovalMenuItem())


def say_published_after_approval(request, page):
    """after_edit_page: replace "has been updated" when the approval published the page.

    Messages are read (which takes them from the queue) and put back, all but
    Wagtail's one, through Django's public messages API.
    """
    if request.method != "POST" or request.POST.get("workflow-action-name") != "approve":
        return None
    page.refresh_from_db()
    if not page.live or page.has_unpublished_changes or page.current_workflow_state:
        return None
    updated = gettext("Page '%(page_title)s' has been updated.") % {
        "page_title": page.get_admin_display_title()
    }
    # Wagtail adds buttons to its message (HTML after the text): compare the text.
    kept = [m for m in messages.get_messages(request) if updated not in str(m.message)]
    for message in kept:
        messages.add_message(request, message.level, message.message, message.extra_tags)
    messages.success(
        request, f"»{page.get_admin_display_title()}« er godkendt og udgivet på voresishoj.dk."
    )
    return None
