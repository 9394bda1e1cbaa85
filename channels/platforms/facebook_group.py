"""The Facebook group "Vores Ishøj": a manual channel.

Meta closed the Groups API, so the portal prepares the ready-to-paste text
and image, the editor posts by hand and records the post's URL; the story's
channel overview is complete all the same. Its link shares utm_source
"facebook" with the Page (Facebook's own statistics group them) and tells
itself apart by utm_content, so the site's reach credits the group's clicks
to the group.
"""

from __future__ import annotations

from dataclasses import replace

from home.sharing import SharedContent

from .base import ChannelBackend, Post, Problem
from .facebook import MAX_MESSAGE_CHARS, PHOTO_SPEC


class FacebookGroupBackend(ChannelBackend):
    label = "Facebook-gruppen 'Vores Ishøj'"
    choice_label = "Facebook-gruppen 'Vores Ishøj' (manuel)"
    is_manual = True
    pulls_reach = False
    utm_source = "facebook"
    utm_content = "gruppe"
    reach_source = "fb_group"
    image_spec = PHOTO_SPEC

    def is_configured(self) -> bool:
        return True

    def default_enabled(self, content: SharedContent) -> bool:
        return content.event is None

    def compose(self, post: Post, content: SharedContent) -> Post:
        parts = (post.title, post.text, post.link, " ".join(post.hashtags))
        return replace(post, text="\n\n".join(p for p in parts if p))

    def validate(self, post: Post) -> list[Problem]:
        if len(post.text) > MAX_MESSAGE_CHARS:
            return [
                Problem(
                    f"Teksten er over {MAX_MESSAGE_CHARS} tegn, som Facebook tillader. "
                    "Forkort den.",
                    post.text_field,
                )
            ]
        return []
