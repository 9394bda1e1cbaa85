"""Admin views: "Prøv igen" and recording a manual channel's post URL."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from .models import Publication, PublicationStatus, choice_for
from .platforms import get_channel
from .reconciling import retry


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
        return redirect("channels_publication:index")
    return TemplateResponse(request, "channels/retry_confirm.html", {"publication": publication})


@permission_required(MANAGE_CHANNELS, raise_exception=True)
def record_url_view(request: HttpRequest, pk: int) -> HttpResponse:
    publication = get_object_or_404(Publication, pk=pk)
    channel = get_channel(publication.channel)
    page = publication.page.specific
    post = channel.render(page, choice_for(page, channel.slug))
    form = RecordUrlForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        publication.external_url = form.cleaned_data["url"]
        publication.status = PublicationStatus.PUBLISHED
        publication.save()
        messages.success(request, f"Opslaget i {channel.label} er registreret.")
        return redirect("channels_publication:index")
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
