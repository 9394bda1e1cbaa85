"""The posts in Wagtail's live preview panel, updated as the editor types.

The Kanaler tab shows the posts as last saved; the preview panel renders the
unsaved form, so the editor sees the Facebook text, the Instagram caption and
any broken limit change with every keystroke, before anything is published.
`ChannelsConfig.ready()` adds this mode to the page types the channels serve.
"""

from typing import Any

from django.template.response import TemplateResponse

from .panels import overview_rows

MANAGE_CHANNELS = "channels.change_publication"
PREVIEW_MODE = ("kanaler", "Kanalerne")


def serve_channels_preview(page: Any, request: Any) -> TemplateResponse:
    allowed = request.user.has_perm(MANAGE_CHANNELS)
    return TemplateResponse(
        request,
        "channels/live_preview.html",
        {
            "page": page,
            "allowed": allowed,
            "saved": True,
            "rows": overview_rows(page) if allowed else [],
        },
    )
