"""The channel layer attaches itself to the page types it serves.

Stories and events do not know the channel layer (it sits above them); they
only say what they share (home.sharing). Here, once every app is ready, the
channel layer adds its "Kanaler" tab to their editor and its
"Kanalerne" mode to their preview panel, through home's seam
(`home.page_extensions`).
"""

from wagtail.models import get_page_models

from home.page_extensions import add_editor_tab, add_preview_mode

from .panels import channels_tab
from .preview import PREVIEW_MODE, serve_channels_preview
from .rendering import shares_content


def attach_to_page_types() -> None:
    """Every page type that says what it shares (home.sharing.SharesContent)."""
    for model in get_page_models():
        if not shares_content(model):
            continue
        add_editor_tab(model, channels_tab())
        add_preview_mode(model, *PREVIEW_MODE, serve_channels_preview)
