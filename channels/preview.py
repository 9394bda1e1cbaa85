"""The posts in Wagtail's live preview panel, updated as the editor types.

The Kanaler tab shows the posts as last saved; the preview panel renders the
unsaved form, so the editor sees the Facebook text, the Instagram caption and
any broken limit change with every keystroke, before anything is published.
"""

from django.template.response import TemplateResponse

from .panels import overview_rows

MANAGE_CHANNELS = "channels.change_publication"


class ChannelPreviewMixin:
    @property
    def preview_modes(self):
        return [("", "Hjemmesiden"), ("kanaler", "Kanalerne")]

    def serve_preview(self, request, mode_name):
        if mode_name != "kanaler":
            return super().serve_preview(request, mode_name)
        allowed = request.user.has_perm(MANAGE_CHANNELS)
        return TemplateResponse(
            request,
            "channels/live_preview.html",
            {
                "page": self,
                "allowed": allowed,
                "saved": True,
                "rows": overview_rows(self) if allowed else [],
            },
        )
