"""The one rendering step: what a page shares, turned into one channel's post.

A page says what it shares (`home.sharing.SharedContent`); this module adds
what every channel's post has in common (the editor's own text or the lead
with when and where, the UTM-tagged link, hashtags from the topics, the
image rendition the platform asks for, the YouTube video and the fields each
part came from) and hands the result to the backend's `compose`, where a
platform lays out its own text or document. Platform modules never read a
page.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from wagtail.models import Page

from home.models import ShortLink
from home.sharing import ImageRef, SharedContent, parse_video_url, shares_content

from .models import PageChannel, choice_for
from .platforms.base import ChannelBackend, Post

__all__ = ["ImageRef", "render", "render_page", "shares_content", "short_address"]


def render(
    content: SharedContent, backend: ChannelBackend, choice: PageChannel | None = None
) -> Post:
    """The post `backend` sends for `content`, with the editor's choices for the channel."""
    own_text = choice.text.strip() if choice is not None else ""
    video_id, video_field = video_source(content, choice)
    image = None
    if backend.image_spec and content.image is not None:
        image = content.image.rendition(backend.image_spec)
    post = Post(
        channel=backend.alias,
        page_id=content.page_id,
        title=content.title,
        text=own_text or body_text(content),
        link=post_link(content, backend),
        canonical_url=content.url,
        hashtags=hashtags_for(content),
        image=image,
        video_id=video_id,
        as_photo=bool(choice and choice.as_photo),
        text_field="channel.text" if own_text else content.field_for("lead"),
        image_field=content.field_for("image"),
        image_alt_field=content.field_for("image_alt"),
        video_field=video_field,
    )
    return backend.compose(post, content)


def render_page(page: Page, backend: ChannelBackend) -> Post:
    """`render` for a page as saved, with the editor's saved choices for the channel."""
    page = page.specific
    return render(page.shared_content(), backend, choice_for(page, backend.alias))


def body_text(content: SharedContent) -> str:
    """The lead, and for an event when and where."""
    text = content.lead
    if content.event is not None:
        extra = ", ".join(p for p in (content.event.when_da, content.event.where) if p)
        if extra:
            text = f"{text}\n\n{extra}" if text else extra
    return text


def post_link(content: SharedContent, backend: ChannelBackend) -> str:
    """The link the post carries: the UTM-tagged page URL, or for a backend whose
    posts cannot carry a clickable link the page's short address (saved pages only;
    a preview of an unsaved page shows the full link)."""
    if backend.links_by_short_address and content.page_id:
        page = Page.objects.filter(pk=content.page_id).first()
        if page is not None:
            return short_address(page, backend)
    return utm_link(content, backend.link_tags())


def short_address(page: Page, backend: ChannelBackend) -> str:
    """The page's short address for the channel (https://host/k/abc23), made on
    first use and never changed, so an address already posted keeps working."""
    tags = {**backend.link_tags(), "utm_campaign": page.slug}
    return ShortLink.objects.url_for(page, backend.alias, tags)


def utm_link(content: SharedContent, tags: dict[str, str]) -> str:
    """The page's URL with a channel's UTM tags and its slug as campaign."""
    query = urlencode(
        {
            "utm_source": tags["utm_source"],
            "utm_medium": tags["utm_medium"],
            "utm_campaign": content.campaign,
            **{k: v for k, v in tags.items() if k not in ("utm_source", "utm_medium")},
        }
    )
    return f"{content.url}?{query}"


def hashtag(name: str) -> str:
    """'mad og fællesskab' -> '#MadOgFællesskab' (letters and digits only)."""
    words = re.findall(r"\w+", name)
    return "#" + "".join(w[:1].upper() + w[1:] for w in words) if words else ""


def hashtags_for(content: SharedContent) -> tuple[str, ...]:
    tags = [hashtag(n) for n in content.tags]
    return tuple(dict.fromkeys(["#VoresIshøj", *[t for t in tags if t]]))


def video_source(content: SharedContent, choice: PageChannel | None) -> tuple[str, str]:
    """The YouTube video id the page names and the field it came from.

    The field is where an editor fixes a missing or wrong video: the channel's
    own link, the body's video block (its link, by block id), or the body when
    there is no video at all (platforms.base.FIELD_HELP).
    """
    candidates: list[tuple[str, str]] = []
    if choice is not None and choice.video_url:
        candidates.append((choice.video_url, "channel.video_url"))
    candidates += [(video.url, video.field) for video in content.videos]
    for url, field in candidates:
        parsed = parse_video_url(url)
        if parsed and parsed[0] == "youtube":
            return parsed[1], field
    return "", candidates[0][1] if candidates else content.field_for("video")
