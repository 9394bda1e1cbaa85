"""The residents' forms: sign up for a task, offer a hand, send a story, recipe or photo.

Every form is a `PublicFormMixin` (the shared honeypot, and plain text only in
every text field), and consent is an explicit, unticked checkbox.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from home.spam import PublicFormMixin, check_image, strip_metadata

REQUIRED = _("Udfyld venligst dette felt.")
CONSENT_REQUIRED = _("Sæt kryds for at give dit samtykke – ellers kan vi ikke gemme det.")


def _text(label, max_length: int, required: bool = True, rows: int = 0, **kwargs):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else None
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        widget=widget,
        error_messages={
            "required": REQUIRED,
            "max_length": _("Højst %(limit_value)d tegn."),
        },
        **kwargs,
    )


INVALID_EMAIL = _("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.")
NEEDS_CONTACT = _("Skriv din e-mail eller dit telefonnummer, så gruppen kan kontakte dig.")


class ContactFields(forms.Form):
    """Name and a way to reach the person: an e-mail, or a phone number for the
    many volunteers without one. Either is kept as `contact`."""

    name = _text(_("Dit navn"), 120)
    email = forms.EmailField(
        label=_("Din e-mail"),
        required=False,
        max_length=254,
        error_messages={"invalid": INVALID_EMAIL},
    )
    phone = forms.CharField(
        label=_("Dit telefonnummer"),
        required=False,
        max_length=40,
        help_text=_(
            "Hvis du ikke har en e-mail. Kun gruppens kontaktperson og sekretariatet "
            "ser dine oplysninger."
        ),
        widget=forms.TextInput(attrs={"type": "tel"}),
        error_messages={"max_length": _("Højst 40 tegn.")},
    )
    consent = forms.BooleanField(
        label=_(
            "Jeg giver samtykke til, at mit navn og min kontaktoplysning gemmes, så gruppen "
            "kan kontakte mig om opgaven. Oplysningerne slettes automatisk igen."
        ),
        error_messages={"required": CONSENT_REQUIRED},
    )

    def clean_phone(self):
        value = self.cleaned_data["phone"].strip()
        if value and len([c for c in value if c.isdigit()]) < 8:
            raise forms.ValidationError(_("Skriv et telefonnummer med mindst 8 cifre."))
        return value

    def clean(self):
        cleaned = super().clean()
        email, phone = cleaned.get("email"), cleaned.get("phone")
        if not email and not phone and not self.has_error("email") and not self.has_error("phone"):
            self.add_error("email", NEEDS_CONTACT)
        cleaned["contact"] = email or phone or ""
        return cleaned


class TaskSignupForm(PublicFormMixin, ContactFields):
    field_order = ["name", "email", "phone", "consent", "firma"]


class VolunteerForm(PublicFormMixin, ContactFields):
    interests = _text(_("Hvad har du lyst til at hjælpe med? (valgfrit)"), 1000, False, rows=3)
    groups = forms.ModelMultipleChoiceField(
        label=_("Grupper, du gerne vil høre fra (valgfrit)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Vælg grupper fra listen.")},
    )
    field_order = ["name", "email", "phone", "interests", "groups", "consent", "firma"]

    def __init__(self, *args, groups=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["groups"].queryset = groups
        self.fields["consent"].label = _(
            "Jeg giver samtykke til, at mit navn og min kontaktoplysning gemmes, så en gruppe "
            "kan spørge mig, når der er brug for en hånd. Oplysningerne slettes automatisk igen."
        )


class SubmitterFields(forms.Form):
    name = _text(_("Dit navn"), 120)
    email = forms.EmailField(
        label=_("Din e-mail"),
        max_length=254,
        help_text=_("Sekretariatet skriver til dig, hvis der er spørgsmål. Vises ikke på sitet."),
        error_messages={
            "required": REQUIRED,
            "invalid": _("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk."),
        },
    )
    message = _text(_("Besked til sekretariatet (valgfrit)"), 2000, False, rows=3)
    consent = forms.BooleanField(
        label=_(
            "Sekretariatet må redigere og offentliggøre det, jeg sender, på Vores Ishøj "
            "og i kommunens kanaler. Mit navn og min e-mail vises ikke."
        ),
        error_messages={"required": CONSENT_REQUIRED},
    )


class StorySubmissionForm(PublicFormMixin, SubmitterFields):
    title = _text(_("Overskrift"), 120)
    intro = _text(
        _("Kort om historien"), 300, rows=2, help_text=_("En-to sætninger. Højst 300 tegn.")
    )
    body = _text(_("Din historie"), 8000, rows=12)
    field_order = ["title", "intro", "body", "name", "email", "message", "consent", "firma"]


def _lines(value: str) -> list[str]:
    return [line.strip(" -•\t") for line in value.splitlines() if line.strip(" -•\t")]


class RecipeSubmissionForm(PublicFormMixin, SubmitterFields):
    dish = _text(_("Rettens navn"), 120)
    servings = forms.IntegerField(
        label=_("Til hvor mange personer?"),
        min_value=1,
        max_value=200,
        error_messages={
            "required": REQUIRED,
            "invalid": _("Skriv et helt tal, fx 4."),
            "min_value": _("Mindst 1 person."),
            "max_value": _("Højst 200 personer."),
        },
    )
    history = _text(
        _("Historien bag retten"),
        4000,
        rows=8,
        help_text=_("Hvem lærte dig den? Hvornår laver I den? Hvad betyder den for jer?"),
    )
    ingredients = _text(_("Ingredienser – én pr. linje"), 3000, rows=8)
    steps = _text(_("Fremgangsmåde – ét trin pr. linje"), 5000, rows=8)
    field_order = [
        "dish", "servings", "history", "ingredients", "steps",
        "name", "email", "message", "consent", "firma",
    ]  # fmt: skip

    def clean_ingredients(self):
        items = _lines(self.cleaned_data["ingredients"])
        if not items:
            raise forms.ValidationError(_("Skriv mindst én ingrediens."))
        if len(items) > 60:
            raise forms.ValidationError(_("Højst 60 ingredienser."))
        return items

    def clean_steps(self):
        items = _lines(self.cleaned_data["steps"])
        if not items:
            raise forms.ValidationError(_("Skriv mindst ét trin."))
        if len(items) > 40:
            raise forms.ValidationError(_("Højst 40 trin."))
        return items


class PhotoSubmissionForm(PublicFormMixin, forms.Form):
    image = forms.FileField(
        label=_("Billede"),
        help_text=_("JPEG, PNG eller WebP, højst 8 MB. Vi fjerner billedets GPS-position."),
        error_messages={"required": _("Vælg et billede."), "empty": _("Filen er tom.")},
    )
    caption = _text(_("Billedtekst"), 300, help_text=_("Hvad ser vi, og hvornår er det taget?"))
    photographer = _text(
        _("Fotograf"), 120, help_text=_("Vises under billedet, præcis som du skriver det.")
    )
    email = forms.EmailField(
        label=_("Din e-mail (valgfrit)"),
        required=False,
        max_length=254,
        help_text=_("Kun hvis sekretariatet må skrive til dig om billedet. Vises ikke."),
        error_messages={"invalid": _("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.")},
    )
    consent = forms.BooleanField(
        label=_(
            "Jeg har taget billedet eller har ret til at dele det, de viste personer har "
            "sagt ja, og Vores Ishøj må vise det med billedteksten og fotografens navn."
        ),
        error_messages={"required": CONSENT_REQUIRED},
    )

    def clean_image(self):
        upload = self.cleaned_data["image"]
        check_image(
            upload,
            max_bytes=settings.EVENT_SUBMISSION_MAX_IMAGE_BYTES,
            min_size=settings.PHOTO_SUBMISSION_MIN_IMAGE_SIZE,
            max_size=settings.EVENT_SUBMISSION_MAX_IMAGE_SIZE,
        )
        return strip_metadata(upload)


class GroupContactForm(PublicFormMixin, forms.Form):
    """ "Skriv til gruppen": a message that reaches the contact person by e-mail."""

    name = _text(_("Dit navn"), 120)
    email = forms.EmailField(
        label=_("Din e-mail"),
        max_length=254,
        help_text=_("Kontaktpersonen svarer dig på den. Den vises ikke på sitet."),
        error_messages={
            "required": REQUIRED,
            "invalid": _("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk."),
        },
    )
    message = _text(_("Din besked"), 2000, rows=6)
    consent = forms.BooleanField(
        label=_(
            "Jeg giver samtykke til, at mit navn, min e-mail og min besked sendes til "
            "gruppens kontaktperson. Vores Ishøj gemmer dem ikke."
        ),
        error_messages={"required": CONSENT_REQUIRED},
    )
    field_order = ["name", "email", "message", "consent", "firma"]
