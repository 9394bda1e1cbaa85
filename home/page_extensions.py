"""The one seam where a higher app attaches itself to the page types it serves.

The apps run one way (cms -> channels -> stories | locations -> home), so a
story's model may not import the channel layer; yet the story editor shows
the channel layer's "Kanaler" tab and its "Kanalerne" preview. The page type
only declares that it takes extensions (`ExtensiblePreviewMixin`); the
channel layer, in its `AppConfig.ready()`, adds its tab (`add_editor_tab`)
and its preview mode (`add_preview_mode`) to the page types it serves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wagtail.admin.panels import Panel, TabbedInterface

PreviewView = Callable[[Any, Any], Any]
"""Serves one extra preview mode: (page, request) -> response."""

_preview_modes: dict[type, list[tuple[str, str, PreviewView]]] = {}


def add_preview_mode(model: type, name: str, label: str, serve: PreviewView) -> None:
    """Offer `name` in the preview panel of `model` (and its subclasses)."""
    modes = _preview_modes.setdefault(model, [])
    if all(existing != name for existing, _, _ in modes):
        modes.append((name, label, serve))


def add_editor_tab(model: type, tab: Panel) -> None:
    """Append `tab` to the editor of `model`, whose `edit_handler` is a TabbedInterface.

    Call from `AppConfig.ready()`: Wagtail builds (and caches) the editor the
    first time it is asked for, which is after every app is ready.
    """
    handler = model.edit_handler
    if not isinstance(handler, TabbedInterface):
        raise TypeError(f"{model.__name__}.edit_handler must be a TabbedInterface")
    model.edit_handler = TabbedInterface(
        [*handler.children, tab], base_form_class=handler.base_form_class
    )


class ExtensiblePreviewMixin:
    """Wagtail's own preview modes, plus those other apps add (`add_preview_mode`).

    Extends `PreviewableMixin.preview_modes` rather than replacing it; the
    default mode is named for what it shows, the public page.
    """

    default_preview_label = "Hjemmesiden"

    def _extra_preview_modes(self) -> list[tuple[str, str, PreviewView]]:
        return [mode for klass in type(self).__mro__ for mode in _preview_modes.get(klass, ())]

    @property
    def preview_modes(self) -> list[tuple[str, str]]:
        own = [
            (name, self.default_preview_label if i == 0 else label)
            for i, (name, label) in enumerate(super().preview_modes)
        ]
        return own + [(name, label) for name, label, _ in self._extra_preview_modes()]

    def serve_preview(self, request: Any, mode_name: str) -> Any:
        for name, _, serve in self._extra_preview_modes():
            if name == mode_name:
                return serve(self, request)
        return super().serve_preview(request, mode_name)
