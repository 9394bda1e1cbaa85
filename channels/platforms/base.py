"""The one small interface every channel implements.

Platforms differ only where the platforms differ: each module holds its wire
format and its limits, and says through the flags and hooks below what it can
do and what its login and quota need. Retry, idempotency, status and
scheduling live once, in the chain channels.planning -> tasks -> performing ->
recording.
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from channels.http import PlatformError
from channels.rendering import ImageRef

if TYPE_CHECKING:
    from wagtail.models import Page

    from channels.models import PageChannel, Publication


FIELD_HELP = """Where an editor fixes a channel's problem, as a path into the page editor's form.

- "" when no field can: the platform is down, the login expired, the account is blocked;
- a page field: "title", "intro", "hero_image" (events: "image"), "body", "tags";
- a content path inside one, Wagtail's own notation: "body.<block id>.url";
- "channel.<name>" for the channel's own row in the Kanaler tab ("channel.text").

The platform module names the field because only it knows which part of the post
the platform refused; the admin turns the path into a tab, a link and words.
"""


@dataclass(frozen=True)
class Problem:
    """One thing a channel refuses to send, and the field that fixes it."""

    message_da: str
    """What is wrong and what to do, in Danish, as the editor reads it."""
    field: str = ""
    """See FIELD_HELP."""

    def __str__(self) -> str:
        return self.message_da


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
    text_field: str = "intro"
    """The field the text came from (the manchet or the channel's own text), for a
    refusal of the text to point at."""
    image_field: str = "hero_image"
    """The field the image came from."""
    video_field: str = "body"
    """Where the video link came from: a video block, the channel's own link, or
    "body" when there is none yet."""

    def fingerprint(self) -> str:
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
    counts_people: bool = False
    """The figure counts unique people or accounts (Meta's "reach", "..._unique"):
    one person who saw two posts is in both posts' figures, so the reports never
    add it up over posts; they show it per post (median, best, share above a
    threshold). Without the flag the figure is a count of events that adds up."""


@dataclass(frozen=True)
class ReachResult:
    """Metrics under the platform's own names; absent means not reported, never 0."""

    metrics: dict[str, int]
    refused: dict[str, str] = field(default_factory=dict)
    """Metrics the platform refused to serve (e.g. Meta's #100), with its reason in Danish."""
    partial_error_da: str = ""
    """Why some figures are missing although the pull worked (e.g. Analytics failed)."""


class NotReadyYet(Exception):  # noqa: N818 - a state, not a failure
    """The platform is still processing; ask again later without holding a worker.

    Raised by `publish` (e.g. an Instagram container still IN_PROGRESS). The
    performing step stores `draft` on the publication, so the next attempt
    continues with the same platform object, and enqueues it after `delay`.
    """

    def __init__(self, delay_seconds: float, draft: dict[str, Any], note_da: str) -> None:
        super().__init__(note_da)
        self.delay_seconds = delay_seconds
        self.draft = draft
        self.note_da = note_da


class Channel(ABC):
    slug: str
    """The channel's key everywhere: Publication.channel, PageChannel.channel, reach pulls."""
    label: str
    """The channel's name as editors read it (admin, e-mails, reports)."""
    choice_label: str = ""
    """The name in the editor's channel choice, if it needs more than `label`."""
    can_update: bool = False
    """The platform lets us change a post after it went out; without it an edit is
    explained to the editor instead of sent."""
    can_withdraw: bool = False
    """The platform lets us delete a post; without it unpublishing asks the editor to
    remove the post by hand."""
    is_manual: bool = False
    """There is no API: the portal prepares the post, an editor posts it and records
    its link; nothing is sent and no reach is pulled."""
    utm_medium: str = "social"
    """utm_medium on the channel's links to the story."""
    utm_source: str = ""
    """utm_source on the channel's links (default: the slug)."""
    utm_content: str = ""
    """utm_content on the channel's links, for channels that share a utm_source."""
    reach_source: str = ""
    """The site-reach source (reach.Source) a visit through the channel's link is credited to."""
    metrics: tuple[Metric, ...] = ()
    """Every reach metric the channel knows, current and removed (see Metric.removed_on)."""
    renewal_steps_da: str = ""
    """How the secretariat renews the channel's login, step by step, in Danish."""

    def requested_metrics(self, refused: frozenset[str] = frozenset()) -> tuple[str, ...]:
        """The metrics to ask the platform for: never one it removed or refused."""
        return tuple(m.name for m in self.metrics if m.removed_on is None and m.name not in refused)

    def link_tags(self) -> dict[str, str]:
        """The UTM parameters (without utm_campaign) on the channel's links."""
        tags = {"utm_source": self.utm_source or self.slug, "utm_medium": self.utm_medium}
        if self.utm_content:
            tags["utm_content"] = self.utm_content
        return tags

    def api_url(self) -> str:
        """The address the channel talks to (with its API version), for the settings screen."""
        return ""

    def login_expires(self) -> bool:
        """True when the login dies on a date the secretariat must renew it before.

        False for channels without a login, and for logins that renew themselves.
        """
        return False

    def token_expiry(self) -> datetime | None:
        """Ask the platform when the login expires (only when `login_expires()`);
        None means it never does."""
        return None

    def configuration_problems(self) -> list[str]:
        """Settings that cannot work together (a token without its page id, ...), in
        English for `manage.py check`; empty when the channel is fully set up or not
        at all."""
        return []

    @abstractmethod
    def is_configured(self) -> bool:
        """True when the environment holds what the channel needs to post."""

    @abstractmethod
    def render(self, page: Page, choice: PageChannel | None) -> Post:
        """The channel-shaped post for a page (and the editor's overrides)."""

    @abstractmethod
    def validate(self, post: Post) -> list[Problem]:
        """Every platform limit the post breaks, each with the field that fixes it;
        empty if fine."""

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
        return PlatformError(kind="permanent", message_da=f"{self.label} kan ikke {action}.")

    def find_existing(self, post: Post, publication: Publication) -> PostResult | None:
        """Look on the platform for a post we may have created but never heard back about."""
        return None

    def fetch_reach(
        self, publication: Publication, refused: frozenset[str] = frozenset()
    ) -> ReachResult:
        """The post's figures; `refused` names metrics the platform already refused."""
        return ReachResult(metrics={})

    def default_enabled(self, page: Page) -> bool:
        return False
