"""The secretariat answers residents: the waiting queue and "Svar borgeren".

A rejection always carries a reason the resident reads; a standard answer
(a snippet) can be chosen and edited first. For a draft page the rejection goes
through Wagtail's own workflow action, so the page's history and the retention
of rejected submissions see it exactly as a rejection in the editor.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Site, WorkflowState

from home import participation
from home.models import SiteSettings
from home.participation_models import Contribution, StandardAnswer
from home.roles import is_secretariat

from .admin_views import CommunityView

PANEL_LIMIT = 50


def answer_target_days(request=None) -> int:
    site = (request and Site.find_for_request(request)) or Site.objects.filter(
        is_default_site=True
    ).first()
    return SiteSettings.for_site(site).answer_target_days if site else 7


def waiting_rows(target_days: int, now=None) -> list[dict]:
    """Waiting submissions, the overdue ones first (oldest first throughout)."""
    now = now or timezone.now()
    rows = []
    for contribution in Contribution.objects.waiting().select_related("page")[:PANEL_LIMIT]:
        age = contribution.age_days(now)
        rows.append(
            {"contribution": contribution, "age": age, "overdue": age > target_days,
             "left": target_days - age}
        )  # fmt: skip
    rows.sort(key=lambda r: (not r["overdue"], -r["age"]))
    return rows


class WaitingSubmissionsPanel(Component):
    """The dashboard's "Borgere venter på svar"."""

    name = "waiting_submissions"
    order = 60
    template_name = "participation/admin/waiting_panel.html"

    def __init__(self, request):
        self.target = answer_target_days(request)
        self.rows = waiting_rows(self.target)

    def get_context_data(self, parent_context=None):
        return {
            "rows": self.rows,
            "target": self.target,
            "overdue": sum(r["overdue"] for r in self.rows),
            "total": Contribution.objects.waiting().count(),
        }


def add_waiting_panel(request, panels):
    if request.user.is_superuser or is_secretariat(request.user):
        panels.insert(0, WaitingSubmissionsPanel(request))


class AnswerForm(forms.Form):
    standard_answer = forms.ModelChoiceField(
        label="Standardsvar",
        queryset=StandardAnswer.objects.all(),
        required=False,
        empty_label="Vælg et standardsvar …",
        help_text="Vælg et og tryk »Brug standardsvaret«; du kan rette teksten bagefter.",
    )
    reason = forms.CharField(
        label="Begrundelse til borgeren",
        required=False,
        max_length=2000,
        widget=forms.Textarea({"rows": 6}),
        help_text="Borgeren læser den på sit link og i mailen. Skriv kort og venligt, hvorfor.",
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(
                "Skriv en begrundelse: borgeren skal kunne se, hvorfor vi siger nej."
            )
        return reason


def _reject_in_workflow(contribution: Contribution, user, reason: str) -> None:
    """Reject the draft's approval step as Wagtail would (its task_rejected
    signal answers the resident, home.participation)."""
    if not contribution.becomes_page or contribution.page_id is None:
        return
    page = Page.objects.filter(pk=contribution.page_id).first()
    state = page and WorkflowState.objects.active().for_instance(page).first()
    task_state = state and state.current_task_state
    if task_state is None:
        return
    task_state.task.specific.on_action(task_state.specific, user, "reject", comment=reason)


class AnswerView(CommunityView):
    page_title = "Svar borgeren"
    header_icon = "mail"
    template_name = "participation/admin/answer.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.contribution = get_object_or_404(Contribution, pk=kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        contribution = self.contribution
        edit_url = ""
        if contribution.becomes_page and contribution.page_id:
            edit_url = f"/admin/pages/{contribution.page_id}/edit/"
        context.update(
            contribution=contribution,
            edit_url=edit_url,
            can_approve_here=not contribution.becomes_page,
            form=kwargs.get("form") or AnswerForm(),
            age=contribution.age_days(),
            target=answer_target_days(self.request),
        )
        return context

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        contribution = self.contribution
        if not contribution.is_waiting:
            messages.warning(request, "Indsendelsen er allerede besvaret eller trukket tilbage.")
            return redirect("wagtailadmin_home")
        if "brug" in request.POST:
            chosen = StandardAnswer.objects.filter(pk=request.POST.get("standard_answer")).first()
            form = AnswerForm(initial={"reason": chosen.text if chosen else ""})
            return self.render_to_response(self.get_context_data(form=form))
        if request.POST.get("decision") == "approve" and not contribution.becomes_page:
            participation.publish(contribution, request=request)
            messages.success(
                request, f"»{contribution.title}« er godkendt, og borgeren har fået besked."
            )
            return redirect("wagtailadmin_home")
        form = AnswerForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        reason = form.cleaned_data["reason"]
        _reject_in_workflow(contribution, request.user, reason)
        contribution.refresh_from_db()
        if contribution.is_waiting:
            participation.reject(contribution, reason, request=request)
        messages.success(
            request, f"»{contribution.title}« er afvist, og borgeren har fået begrundelsen."
        )
        return redirect("wagtailadmin_home")
