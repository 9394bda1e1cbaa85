"""The editor's LIX panel: the text's readability while she writes, Danish pages only."""

from __future__ import annotations

from typing import Any

from wagtail.admin.panels import Panel
from wagtail.models import Site

from home.models import SiteSettings
from home.readability import DEFAULT_TARGET, Lix, is_danish, page_lix

NO_TEXT = "Ingen tekst endnu"


def band_text(measured: Lix) -> str:
    """The band as the panel shows it; static/js/lix.js writes the same words."""
    return f"Niveau: {measured.band}" if measured.band else NO_TEXT


def lix_target(page) -> int:
    site = page.get_site() if page is not None and page.pk else None
    site = site or Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).lix_target if site else DEFAULT_TARGET


class LixPanel(Panel):
    """Shows LIX as last saved; static/js/lix.js recounts it on every keystroke
    from the title, the intro and the body's headings, paragraphs and quotes."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/panels/lix.html"

        def is_shown(self) -> bool:
            return self.instance is not None and is_danish(self.instance)

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            context["lix"] = measured = page_lix(self.instance)
            context["band_text"] = band_text(measured)
            context["target"] = lix_target(self.instance)
            return context
