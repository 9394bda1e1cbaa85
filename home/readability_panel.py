"""The editor's LIX panel: the text's readability while she writes, Danish pages only."""

from __future__ import annotations

import json
from typing import Any

from django.apps import apps
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.admin.panels import Panel
from wagtail.models import Site

from home.readability import DEFAULT_FIELDS, DEFAULT_TARGET, Lix, is_danish, page_lix
from home.search.languages import language_of

NO_TEXT = "Ingen tekst endnu"


def band_text(measured: Lix) -> str:
    """The band as the panel shows it; static/js/lix.js writes the same words."""
    return f"Niveau: {measured.band}" if measured.band else NO_TEXT


def lix_target(page) -> int:
    site = page.get_site() if page is not None and page.pk else None
    site = site or Site.objects.filter(is_default_site=True).first()
    # By name: home.models puts this panel on the front page.
    settings = apps.get_model("home", "SiteSettings")
    return settings.for_site(site).lix_target if site else DEFAULT_TARGET


class LixPanel(Panel):
    """Shows LIX as last saved; static/js/lix.js recounts it on every keystroke
    from the title and the page's prose fields (`fields`, a story's intro and
    body by default): plain text as typed, rich text line by line, a StreamField's
    headings, paragraphs and quotes.

    On a page in another language it says that LIX measures Danish text instead,
    so a translator does not look for a figure that would mean nothing."""

    def __init__(self, fields: tuple[str, ...] = DEFAULT_FIELDS, **kwargs: Any) -> None:
        kwargs.setdefault("heading", "Klart dansk (LIX)")
        super().__init__(**kwargs)
        self.fields = tuple(fields)

    def clone_kwargs(self) -> dict[str, Any]:
        kwargs = super().clone_kwargs()
        kwargs["fields"] = self.fields
        return kwargs

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/panels/lix.html"

        def is_shown(self) -> bool:
            return self.instance is not None

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            context["danish"] = is_danish(self.instance)
            if not context["danish"]:
                context["language"] = language_name(self.instance)
                return context
            context["lix"] = measured = page_lix(self.instance, self.panel.fields)
            context["band_text"] = band_text(measured)
            context["target"] = lix_target(self.instance)
            context["fields_json"] = json.dumps(list(self.panel.fields))
            context["field_labels"] = field_labels(self.instance, self.panel.fields)
            return context


def language_name(page) -> str:
    """The page's language as a Danish editor names it ("arabisk")."""
    code = language_of(page).split("-")[0]
    with translation.override("da"):
        return str(get_language_info(code)["name_translated"]).lower()


def field_labels(page, fields: tuple[str, ...]) -> str:
    """The measured fields as the editor sees their labels: "titel, indledning og brødtekst"."""
    # "titel" as written: Wagtail's own label follows the editor's admin language.
    labels = ["titel"] + [str(page._meta.get_field(name).verbose_name).lower() for name in fields]
    return ", ".join(labels[:-1]) + " og " + labels[-1] if len(labels) > 1 else labels[0]
