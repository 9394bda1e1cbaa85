"""The one small interface every channel implements.

Platforms differ only where the platforms differ: each module holds its wire
format and its limits. Retry, idempotency, status and scheduling live once,
in channels.publishing.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wagtail.models import Page

    from channels.http import PlatformError
    from channels.models import PageChannel, Publication


@dataclass(frozen=True)
class ImageRef:
    """A channel rendition of the page's image, as the platform will fetch it."""

    url: str
    """Absolute URL the platform downloads the image from."""
    width: int
    height: int
    size_bytes: int
    mime: str
    alt: str = ""


@dataclass(frozen=True)
class Post:
    """A page rendered for one channel: exactly what will be sent."""

    channel: str
    page_id: int
    title: str
    text: str
    """The full text as posted (message, caption, description block)."""
    link: str
    """The page's URL tagged with the channel's UTM parameters."""
    canonical_url: str
    """The page's URL without parameters; used to find a post again."""
    hashtags: tuple[str, ...] = ()
    image: ImageRef | None = None
    video_id: str = ""
    as_photo: bool = False
    document: dict[str, Any] | None = None
    """Structured payload for listing channels (Det sker)."""

    def fingerprint(self) -> str:
        import hashlib
        import json

        raw = json.dumps(
            [
                self.title,
                self.text,
                self.link,
                self.image.url if self.image else "",
                self.video_id,
                self.as_photo,
                self.document,
            ],
            sort_keys=True,
            default=str,
        )
        return hashlib.sha256(raw.encode()).hexdigest()


@dataclass(frozen=True)
class PostResult:
    """What the platform answered for a publish, update or withdraw."""

    external_id: str
    url: str = ""
    notice_da: str = ""
    """Something the editor should know, e.g. that the post cannot be edited."""
    draft: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReachResult:
    """Metrics under the platform's own names; absent means not reported, never 0."""

    metrics: dict[str, int]


class Channel(ABC):
    slug: str
    label: str
    can_update: bool = False
    can_withdraw: bool = False
    is_manual: bool = False
    utm_medium: str = "social"

    @abstractmethod
    def is_configured(self) -> bool:
        """True when the environment holds what the channel needs to post."""

    @abstractmethod
    def render(self, page: Page, choice: PageChannel | None) -> Post:
        """The channel-shaped post for a page (and the editor's overrides)."""

    @abstractmethod
    def validate(self, post: Post) -> list[str]:
        """Danish messages for every platform limit the post breaks; empty if fine."""

    # Channels without an API (is_manual) or without edit/delete on the platform
    # (can_update/can_withdraw False) keep these; the publishing service reads the
    # flags first, so reaching one is a permanent, explained failure.
    def publish(self, post: Post, publication: Publication) -> PostResult:
        raise self._cannot("lægge opslag ud automatisk")

    def update(self, publication: Publication, post: Post) -> PostResult:
        raise self._cannot("rette et udgivet opslag")

    def withdraw(self, publication: Publication) -> PostResult:
        raise self._cannot("trække et opslag tilbage")

    def _cannot(self, action: str) -> PlatformError:
        from channels.http import PlatformError  # imports this module's users

        return PlatformError(kind="permanent", message_da=f"{self.label} kan ikke {action}.")

    def find_existing(self, post: Post, publication: Publication) -> PostResult | None:
        """Look on the platform for a post we may have created but never heard back about."""
        return None

    def fetch_reach(self, publication: Publication) -> ReachResult:
        return ReachResult(metrics={})

    def default_enabled(self, page: Page) -> bool:
        return False
