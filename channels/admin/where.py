"""Where in the page editor an editor fixes a channel's problem.

A platform module names the field its refusal points at (a path as in
`channels.platforms.base.FIELD_HELP`); this turns the path into what the
story's Kanaler tab shows: the way there in words ("Indhold → Manchet") and a
link that opens the field's tab. The tab and the words are read from the page
type's own edit handler, so a page type that moves a field moves the link too.

Page fields are linked with Wagtail's own `#:w:contentpath=` fragment (the
notation its usage report links with); a channel's own row has no content path
in Wagtail, so it is linked by the input's id. `channels/js/fix_field.js`
selects the tab and focuses the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from wagtail.admin.panels import FieldPanel, InlinePanel, Panel

from ..models import PageChannel
from ..registry import channel_label

CHANNEL_ROWS = "channel_settings"


@dataclass(frozen=True)
class FixPlace:
    """A field in the page editor, as a link and in words."""

    fragment: str
    """The URL fragment (with '#') that opens the field."""
    tab: str
    """The tab's id without 'tab-' ("indhold", "kanaler")."""
    path_da: str
    """The way there, e.g. "Indhold → Hovedbillede → Hovedbillede"."""


def _label(text: Any) -> str:
    text = str(text or "")
    return text[:1].upper() + text[1:]


def _find(panel: Panel, wanted: str, trail: tuple[str, ...]) -> tuple[str, ...] | None:
    """The headings from the tab down to the panel that edits `wanted`."""
    if isinstance(panel, FieldPanel) and panel.field_name == wanted:
        return trail
    if isinstance(panel, InlinePanel) and panel.relation_name == wanted:
        return (*trail, _label(panel.heading))
    for child in getattr(panel, "children", ()):
        heading = (
            _label(child.heading) if child.heading and getattr(child, "children", None) else ""
        )
        found = _find(child, wanted, (*trail, heading) if heading else trail)
        if found is not None:
            return found
    return None


def _tab_of(page: Any, name: str) -> tuple[str, tuple[str, ...]] | None:
    """(tab id, headings) of the panel editing `name` on the page type's edit handler."""
    handler = page.get_edit_handler()
    for tab in handler.children:
        found = _find(tab, name, ())
        if found is not None:
            return tab.clean_name, (_label(tab.heading), *found)
    return None


def _field_label(model: Any, name: str) -> str:
    try:
        return _label(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return _label(name)


def _block_words(page: Any, name: str, rest: list[str]) -> list[str]:
    """Words for a path inside a StreamField: the block's label, then its child's."""
    words: list[str] = []
    block_id, *children = rest
    for child in getattr(page, name, None) or []:
        if child.id == block_id:
            block = child.block
            words.append(f"blokken {_label(block.label)}")
            for part in children:
                block = getattr(block, "child_blocks", {}).get(part)
                if block is None:
                    break
                words.append(_label(block.label))
            break
    return words


def fix_place(page: Any, field: str, channel_slug: str) -> FixPlace | None:
    """Where `field` (a FIELD_HELP path) is edited for this page, or None when it is not
    on the page type's editor (or no field is named)."""
    if not field:
        return None
    if field.startswith("channel."):
        return _channel_row_place(page, field.removeprefix("channel."), channel_slug)
    name, *rest = field.split(".")
    located = _tab_of(page, name)
    if located is None:
        return None
    tab, headings = located
    words = [*headings, _field_label(page, name)]
    if rest:
        words += _block_words(page, name, rest)
    # "Hovedbillede → Hovedbillede": a group named after its first field says it once.
    words = [w for i, w in enumerate(words) if i == 0 or w != words[i - 1]]
    return FixPlace(f"#:w:contentpath={field}", tab, " → ".join(words))


def _channel_row_place(page: Any, name: str, channel_slug: str) -> FixPlace | None:
    located = _tab_of(page, CHANNEL_ROWS)
    if located is None:
        return None
    tab, headings = located
    rows = list(page.channel_settings.all())
    index = next((i for i, row in enumerate(rows) if row.channel == channel_slug), None)
    label = channel_label(channel_slug)
    if index is None:
        # No row for the channel yet: the editor adds one; the list is the place.
        return FixPlace(f"#tab-{tab}", tab, " → ".join([*headings, f"tilføj en række for {label}"]))
    words = [*headings, label, _field_label(PageChannel, name)]
    return FixPlace(f"#id_{CHANNEL_ROWS}-{index}-{name}", tab, " → ".join(words))
