"""The Facebook group "Vores Ishøj": a manual channel.

Meta closed the Groups API, so the portal prepares the ready-to-paste text
and image, the editor posts by hand and records the post's URL; the story's
channel overview is complete all the same. Its link shares utm_source
"facebook" with the Page (Facebook's own statistics group them) and tells
itself apart by utm_content, so the site's reach credits the group's clicks
to the group.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from channels import rendering

from .base import Channel, Post, Problem
from .facebook import MAX_MESSAGE_CHARS, PHOTO_SPEC

if TYPE_CHECKING:
    from wagtail.models import Page

    from channels.models import PageChannel


class FacebookGroupChannel(Channel):
    slug = "facebook_group"
    label = "Facebook-gruppen 'Vores Ishøj'"
    choice_label = "Facebook-gruppen 'Vores Ishøj' (manuel)"
    is_manual = True
    utm_source = "facebook"
    utm_content = "gruppe"
    reach_source = "fb_group"

    def is_configured(self) -> bool:
        return True

    def default_enabled(self, page: Page) -> bool:
        return not rendering.is_event(page)

    def render(self, page: Page, choice: PageChannel | None) -> Post:
        link = rendering.utm_link(page, self.link_tags())
        tags = rendering.hashtags_for(page)
        text = "\n\n".join(
            p for p in (page.title, rendering.base_text(page, choice), link, " ".join(tags)) if p
        )
        return Post(
            channel=self.slug,
            page_id=page.pk,
            title=page.title,
            text=text,
            link=link,
            canonical_url=rendering.canonical_url(page),
            hashtags=tags,
            image=rendering.rendition_ref(page, PHOTO_SPEC),
            text_field=rendering.text_field(choice),
            image_field=rendering.image_field(page),
        )

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
