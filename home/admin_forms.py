"""Admin forms adjusted where Wagtail's own leave English on screen."""

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    """Wagtail labels the password field by its name ("Password"), which no catalogue
    translates; the label is set here in Danish."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "Adgangskode"


# Fields Wagtail's link choosers label only by their names, in English.
LINK_CHOOSER_LABELS = {
    "link_text": "Linktekst",
    "email_address": "E-mailadresse",
    "subject": "Emne",
    "body": "Tekst",
    "phone_number": "Telefonnummer",
}


def label_link_choosers() -> None:
    """Give the rich-text link dialogs Danish labels (called from HomeConfig.ready)."""
    from wagtail.admin.forms import choosers

    for form in (
        choosers.ExternalLinkChooserForm,
        choosers.AnchorLinkChooserForm,
        choosers.EmailLinkChooserForm,
        choosers.PhoneLinkChooserForm,
    ):
        for name, field in form.base_fields.items():
            if name in LINK_CHOOSER_LABELS:
                field.label = LINK_CHOOSER_LABELS[name]
