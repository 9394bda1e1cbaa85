"""The one small interface every channel implements.

Platforms differ only where the platforms differ: each module holds its wire
format and its limits. Retry, idempotency, status and scheduling live once,
in the chain channels.planning -> tasks -> performing -> recording.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date
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
class Metric:
    """One reach metric a platform serves, as the reports name it.

    Reports, exports and the council PDF show `label_da`; the platform's own
    `name` stays beside it so a figure can be checked against the platform's
    tools.
    """

    name: str
    """The platform's own name, exactly as its API returns it (e.g. 'views')."""
    label_da: str
    """What the figure counts, in Danish, as a reader of the report sees it."""
    definition_da: str = ""
    """One sentence on how the platform defines the figure."""
    changed_on: date | None = None
    """The day the platform changed what the figure counts; a period spanning it says so."""
    change_note_da: str = ""
    """What changed on `changed_on`, in Danish."""
    removed_on: date | None = None
    """The day the platform stopped serving the metric; never asked for after it."""


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
    metrics: tuple[Metric, ...] = ()
    """Every reach metric the channel knows, current and removed (see Metric.removed_on)."""

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
