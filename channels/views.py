"""Admin views: "Prøv igen" and recording a manual channel's post URL."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .admin.status import channel_label
from .logins import login_warnings
from .models import Publication, PublicationStatus
from .reconciling import retry
from .registry import channels
from .rendering import render_page


class RecordUrlForm(forms.Form):
    url = forms.URLField(
        label="Link til opslaget",
        assume_scheme="https",
        help_text="Kopiér linket fra opslaget i Facebook-gruppen.",
    )


# Retrying and recording posts is channel management: the secretariat's job.
MANAGE_CHANNELS = "channels.change_publication"


@permission_required(MANAGE_CHANNELS, raise_exception=True)
def retry_view(request: HttpRequest, pk: int) -> HttpResponse:
    publication = get_object_or_404(Publication, pk=pk)
    if request.method == "POST":
        count = retry([publication.pk])
        if count:
            messages.success(request, "Opslaget er sat i kø igen.")
        else:
            messages.warning(request, "Opslaget kan ikke prøves igen i sin nuværende status.")
        return redirect(_back_to(request))
    return TemplateResponse(
        request,
        "channels/retry_confirm.html",
        {
            "publication": publication,
            "channel_label": channel_label(publication.channel),
            "next": _back_to(request),
        },
    )


def _back_to(request: HttpRequest) -> str:
    """Back where "Prøv igen" was pressed (the story's Kanaler tab), else the report."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("channels_report")


@permission_required(MANAGE_CHANNELS, raise_exception=True)
@require_POST
def retry_channel_view(request: HttpRequest, slug: str) -> HttpResponse:
    """ "Prøv alle igen" on one channel: every failed, needs-login or unconfirmed post."""
    ids = list(Publication.objects.for_alias(slug).retryable().values_list("pk", flat=True))
    count = retry(ids) if ids else 0
    label = channel_label(slug)
    if count:
        messages.success(request, f"{count} opslag på {label} er sat i kø igen.")
    else:
        messages.warning(request, f"Der var ingen opslag på {label} at prøve igen.")
    return redirect("channels_report")


@permission_required("channels.view_publication", raise_exception=True)
def renew_login_view(request: HttpRequest) -> HttpResponse:
    """Who can renew a channel's login and how, step by step, in Danish."""
    return TemplateResponse(
        request, "channels/admin/renew_login.html", {"problems": login_warnings()}
    )


@permission_required(MANAGE_CHANNELS, raise_exception=True)
def record_url_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The editor posted by hand on a manual channel and records the post's link.

    Only for manual channels (the others record their own link), only while the
    post waits to be shared: a link already recorded, or a post a worker holds,
    is never overwritten.
    """
    publication = get_object_or_404(Publication, pk=pk)
    channel = channels.get(publication.channel)
    if channel is None or not channel.is_manual or publication.page_id is None:
        messages.error(
            request,
            f"{channel_label(publication.channel)} lægger selv sine opslag ud; der er intet "
            "link at registrere i hånden.",
        )
        return redirect("channels_report")
    post = render_page(publication.page, channel)
    form = RecordUrlForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        recorded = Publication.objects.filter(pk=publication.pk, claim_token="").move_to(
            PublicationStatus.PUBLISHED,
            sources=[PublicationStatus.MANUAL],
            external_url=form.cleaned_data["url"],
            published_at=timezone.now(),
        )
        if recorded:
            messages.success(request, f"Opslaget i {channel.label} er registreret.")
        else:
            messages.warning(
                request,
                f"Opslaget i {channel.label} var allerede registreret; linket er ikke ændret.",
            )
        return redirect("channels_report")
    return TemplateResponse(
        request,
        "channels/record_url.html",
        {
            "publication": publication,
            "post": post,
            "form": form,
            "channel": channel,
            "problems": channel.validate(post),
        },
    )
