"""The channel layer attaches itself to the page types it serves.

Stories and events do not know the channel layer (it sits above them); here,
once every app is ready, it adds its "Kanaler" tab to their editor and its
"Kanalerne" mode to their preview panel, through home's seam
(`home.page_extensions`).
"""

from django.apps import apps

from home.page_extensions import add_editor_tab, add_preview_mode

from .panels import channels_tab
from .preview import PREVIEW_MODE, serve_channels_preview
from .rendering import PAGE_TYPES_WITH_CHANNELS


def attach_to_page_types() -> None:
    for label in PAGE_TYPES_WITH_CHANNELS:
        model = apps.get_model(label)
        add_editor_tab(model, channels_tab())
        add_preview_mode(model, *PREVIEW_MODE, serve_channels_preview)
