"""The residents' form for suggesting an event: every message in plain Danish,
and in the reader's language on /ar/, /tr/, /ur/ and /en/ (gettext, Danish msgids)."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.spam import ALLOWED_IMAGE_FORMATS, PublicFormMixin, check_image, strip_metadata
from stories.models.event_taxonomy import Audience, EventCategory

__all__ = ["ALLOWED_IMAGE_FORMATS", "EventSuggestionForm"]

REQUIRED = _("Udfyld venligst dette felt.")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


def _messages(**extra: str) -> dict[str, str]:
    return {"required": REQUIRED, **extra}


class EventSuggestionForm(PublicFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Hvad hedder begivenheden?"),
        max_length=120,
        error_messages=_messages(max_length=_("Navnet må højst være %(limit_value)d tegn.")),
    )
    intro = forms.CharField(
        label=_("Kort beskrivelse"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("En-to sætninger om, hvad der sker. Højst 300 tegn."),
        error_messages=_messages(max_length=_("Beskrivelsen må højst være %(limit_value)d tegn.")),
    )
    description = forms.CharField(
        label=_("Mere om begivenheden (valgfrit)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages=_messages(max_length=_("Teksten må højst være %(limit_value)d tegn.")),
    )
    date = forms.DateField(
        label=_("Dato"),
        widget=DateInput(),
        error_messages=_messages(
            invalid=_("Skriv datoen som fx 24-11-2026 eller vælg den i kalenderen.")
        ),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y"],
    )
    all_day = forms.BooleanField(label=_("Hele dagen"), required=False)
    start_time = forms.TimeField(
        label=_("Starter kl."),
        required=False,
        widget=TimeInput(),
        error_messages=_messages(invalid=_("Skriv tidspunktet som fx 13:00.")),
    )
    end_time = forms.TimeField(
        label=_("Slutter kl. (valgfrit)"),
        required=False,
        widget=TimeInput(),
        error_messages=_messages(invalid=_("Skriv tidspunktet som fx 16:00.")),
    )
    frequency = forms.ChoiceField(
        label=_("Gentages det?"),
        choices=[
            ("ingen", _("Nej, kun denne dag")),
            ("ugentlig", _("Ja, hver uge på samme ugedag")),
            ("maanedlig", _("Ja, hver måned (fx første søndag)")),
        ],
        initial="ingen",
        widget=forms.RadioSelect,
        error_messages=_messages(invalid_choice=_("Vælg en af mulighederne.")),
    )
    place_name = forms.CharField(
        label=_("Hvor foregår det?"),
        max_length=150,
        help_text=_("Fx 'Bredekærgård' eller 'Kulturhuset AAB'."),
        error_messages=_messages(),
    )
    address = forms.CharField(label=_("Adresse (valgfrit)"), max_length=250, required=False)
    organiser = forms.CharField(
        label=_("Hvem arrangerer?"), max_length=150, error_messages=_messages()
    )
    contact = forms.CharField(
        label=_("Kontakt for deltagere (valgfrit)"),
        max_length=200,
        required=False,
        help_text=_("Vises på siden. Fx foreningens telefon eller e-mail."),
    )
    is_free = forms.BooleanField(label=_("Det er gratis"), required=False, initial=True)
    price_dkk = forms.DecimalField(
        label=_("Pris i kr."),
        required=False,
        min_value=0,
        max_value=100000,
        decimal_places=2,
        error_messages=_messages(
            invalid=_("Skriv prisen som et tal, fx 50."),
            min_value=_("Prisen kan ikke være negativ."),
            max_value=_("Prisen virker for høj – skriv den i hele kroner."),
            max_decimal_places=_("Højst to decimaler."),
        ),
    )
    audience = forms.MultipleChoiceField(
        label=_("Hvem er det for?"),
        choices=[(value, _(label)) for value, label in Audience.choices],
        widget=forms.CheckboxSelectMultiple,
        error_messages=_messages(
            required=_("Vælg mindst én målgruppe."), invalid_choice=_("Vælg målgrupper fra listen.")
        ),
    )
    categories = forms.ModelMultipleChoiceField(
        label=_("Kategori (valgfrit)"),
        queryset=EventCategory.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        to_field_name="slug",
        error_messages={"invalid_choice": _("Vælg kategorier fra listen.")},
    )
    signup_url = forms.URLField(
        label=_("Link til tilmelding (valgfrit)"),
        assume_scheme="https",
        required=False,
        max_length=200,
        error_messages={"invalid": _("Skriv et helt link, fx https://www.eksempel.dk/tilmelding.")},
    )
    image = forms.FileField(
        label=_("Billede (valgfrit)"),
        required=False,
        help_text=_("JPEG, PNG eller WebP. Mindst 800 × 450 pixels."),
    )
    image_alt = forms.CharField(
        label=_("Hvad viser billedet?"),
        max_length=250,
        required=False,
        help_text=_("Til dem, der ikke kan se billedet. Skal udfyldes, hvis du sender et billede."),
    )
    image_rights = forms.BooleanField(
        label=_("Jeg har ret til at bruge billedet, og de viste personer har sagt ja."),
        required=False,
    )
    name = forms.CharField(label=_("Dit navn"), max_length=150, error_messages=_messages())
    email = forms.EmailField(
        label=_("Din e-mail"),
        max_length=254,
        help_text=_("Vi sender en bekræftelse. Dit navn og din e-mail vises ikke på siden."),
        error_messages=_messages(invalid=_("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.")),
    )
    message = forms.CharField(
        label=_("Besked til sekretariatet (valgfrit)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_date(self):
        value = self.cleaned_data["date"]
        today = timezone.localdate()
        if value < today:
            raise forms.ValidationError(
                _("Datoen ligger i fortiden. Vælg en dag fra i dag og frem.")
            )
        if value > today + timedelta(days=730):
            raise forms.ValidationError(_("Datoen ligger mere end to år ude i fremtiden."))
        return value

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if not upload:
            return upload
        check_image(
            upload,
            max_bytes=settings.EVENT_SUBMISSION_MAX_IMAGE_BYTES,
            min_size=settings.EVENT_SUBMISSION_MIN_IMAGE_SIZE,
            max_size=settings.EVENT_SUBMISSION_MAX_IMAGE_SIZE,
        )
        # A phone photo carries where it was taken; the portal must not publish that.
        return strip_metadata(upload)

    def clean(self):
        data = super().clean()
        if (
            not data.get("all_day")
            and not data.get("start_time")
            and "start_time" not in self.errors
        ):
            self.add_error(
                "start_time", _("Skriv hvornår det starter – eller sæt kryds i 'Hele dagen'.")
            )
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start and not data.get("all_day"):
            self.add_error("end_time", _("Sluttidspunktet skal ligge efter starttidspunktet."))
        if (
            not data.get("is_free")
            and data.get("price_dkk") is None
            and "price_dkk" not in self.errors
        ):
            self.add_error("price_dkk", _("Skriv en pris – eller sæt kryds i 'Det er gratis'."))
        if data.get("image"):
            if not (data.get("image_alt") or "").strip():
                self.add_error("image_alt", _("Fortæl kort, hvad billedet viser."))
            if not data.get("image_rights"):
                self.add_error("image_rights", _("Bekræft, at du må bruge billedet."))
        # A chosen image the browser will forget is asked for again by
        # PublicFormMixin.full_clean, in every form with an image.
        return data
