"""Residents' forms: suggest a new place or a correction to one. No account needed."""

from django import forms

from home.spam import PublicFormMixin
from locations.models.taxonomy import Facility, PlaceCategory

__all__ = ["CorrectionForm", "PlaceSuggestionForm"]


def _messages(required: str, max_length: str | None = None, **extra) -> dict:
    messages = {"required": required, **extra}
    if max_length:
        messages["max_length"] = max_length
    return messages


class SubmitterFields(forms.Form):
    submitter_name = forms.CharField(
        label="Dit navn (valgfrit)",
        max_length=120,
        required=False,
        error_messages=_messages("", "Dit navn må højst være 120 tegn."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    submitter_email = forms.EmailField(
        label="Din e-mail (valgfrit)",
        required=False,
        help_text="Kun hvis sekretariatet må skrive til dig om forslaget. Den vises ikke på sitet.",
        error_messages={"invalid": "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk."},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class PlaceSuggestionForm(PublicFormMixin, SubmitterFields):
    name = forms.CharField(
        label="Stedets navn",
        max_length=120,
        error_messages=_messages("Skriv stedets navn.", "Navnet må højst være 120 tegn."),
    )
    category = forms.ModelChoiceField(
        label="Hvilken slags sted er det?",
        queryset=PlaceCategory.objects.order_by("name"),
        empty_label="Vælg en kategori",
        error_messages={
            "required": "Vælg en kategori.",
            "invalid_choice": "Vælg en af kategorierne på listen.",
        },
    )
    address = forms.CharField(
        label="Adresse eller hvor stedet ligger",
        max_length=250,
        help_text="Fx 'Skovvej 100' eller 'ved søen bag Ishøj Bycenter'.",
        error_messages=_messages(
            "Skriv adressen, eller beskriv hvor stedet ligger.", "Højst 250 tegn."
        ),
    )
    description = forms.CharField(
        label="Fortæl om stedet",
        min_length=20,
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages=_messages(
            "Skriv et par linjer om stedet.",
            "Beskrivelsen må højst være 1500 tegn.",
            min_length="Skriv lidt mere – mindst 20 tegn.",
        ),
    )
    facilities = forms.ModelMultipleChoiceField(
        label="Hvad er der på stedet?",
        queryset=Facility.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Vælg faciliteter fra listen."},
    )
    opening_hours = forms.CharField(
        label="Åbningstider (valgfrit)",
        max_length=300,
        required=False,
        error_messages=_messages("", "Åbningstiderne må højst være 300 tegn."),
    )
    website = forms.URLField(
        label="Link til stedet (valgfrit)",
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Skriv et gyldigt link, fx https://eksempel.dk."},
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
        label="Hvad skal rettes?",
        min_length=10,
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Fx forkerte åbningstider, en facilitet der mangler, eller at stedet er lukket.",
        error_messages=_messages(
            "Skriv, hvad der skal rettes.",
            "Højst 1500 tegn.",
            min_length="Skriv lidt mere – mindst 10 tegn.",
        ),
    )

    field_order = ["message", "submitter_name", "submitter_email", "firma"]
