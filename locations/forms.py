"""Residents' forms: suggest a new place or a correction to one. No account needed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.spam import PublicFormMixin
from locations.models.taxonomy import Facility, PlaceCategory

__all__ = ["CorrectionForm", "PlaceSuggestionForm"]


def _messages(required: str, max_length: str | None = None, **extra) -> dict:
    messages = {"required": required, **extra}
    if max_length is not None:
        messages["max_length"] = max_length
    return messages


class SubmitterFields(forms.Form):
    submitter_name = forms.CharField(
        label=_("Dit navn (valgfrit)"),
        max_length=120,
        required=False,
        error_messages=_messages("", _("Dit navn må højst være 120 tegn.")),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    submitter_email = forms.EmailField(
        label=_("Din e-mail (valgfrit)"),
        required=False,
        help_text=_(
            "Kun hvis sekretariatet må skrive til dig om forslaget. Den vises ikke på sitet."
        ),
        error_messages={"invalid": _("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class PlaceSuggestionForm(PublicFormMixin, SubmitterFields):
    name = forms.CharField(
        label=_("Stedets navn"),
        max_length=120,
        error_messages=_messages(_("Skriv stedets navn."), _("Navnet må højst være 120 tegn.")),
    )
    category = forms.ModelChoiceField(
        label=_("Hvilken slags sted er det?"),
        queryset=PlaceCategory.objects.order_by("name"),
        empty_label=_("Vælg en kategori"),
        error_messages={
            "required": _("Vælg en kategori."),
            "invalid_choice": _("Vælg en af kategorierne på listen."),
        },
    )
    address = forms.CharField(
        label=_("Adresse eller hvor stedet ligger"),
        max_length=250,
        help_text=_("Fx 'Skovvej 100' eller 'ved søen bag Ishøj Bycenter'."),
        error_messages=_messages(
            _("Skriv adressen, eller beskriv hvor stedet ligger."), _("Højst 250 tegn.")
        ),
    )
    description = forms.CharField(
        label=_("Fortæl om stedet"),
        min_length=20,
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages=_messages(
            _("Skriv et par linjer om stedet."),
            _("Beskrivelsen må højst være 1500 tegn."),
            min_length=_("Skriv lidt mere – mindst 20 tegn."),
        ),
    )
    facilities = forms.ModelMultipleChoiceField(
        label=_("Hvad er der på stedet?"),
        queryset=Facility.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Vælg faciliteter fra listen.")},
    )
    opening_hours = forms.CharField(
        label=_("Åbningstider (valgfrit)"),
        max_length=300,
        required=False,
        error_messages=_messages("", _("Åbningstiderne må højst være 300 tegn.")),
    )
    website = forms.URLField(
        label=_("Link til stedet (valgfrit)"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Skriv et gyldigt link, fx https://eksempel.dk.")},
    )

    field_order = [
        "name",
        "category",
        "address",
        "description",
        "facilities",
        "opening_hours",
        "website",
        "submitter_name",
        "submitter_email",
        "firma",
    ]


class CorrectionForm(PublicFormMixin, SubmitterFields):
    message = forms.CharField(
        label=_("Hvad skal rettes?"),
        min_length=10,
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Fx forkerte åbningstider, en facilitet der mangler, eller at stedet er lukket."
        ),
        error_messages=_messages(
            _("Skriv, hvad der skal rettes."),
            _("Højst 1500 tegn."),
            min_length=_("Skriv lidt mere – mindst 10 tegn."),
        ),
    )

    field_order = ["message", "submitter_name", "submitter_email", "firma"]
