"""The one small interface every channel backend implements.

Platforms differ only where the platforms differ: each module holds its wire
format, its limits and its error mapping, and says through the flags and hooks
below what it can do and what its login and quota need. A backend is
configured under an alias in the `CHANNELS` setting (channels.registry), so
one platform can run twice with two accounts. It sees content only as the
rendered `Post` (channels.rendering) and a publication only as its
`PostRecord`. Retry, idempotency, status and scheduling live once, in the
chain channels.planning -> tasks -> performing -> recording.
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.checks import CheckMessage, Error

from channels.http import PlatformError
from home.sharing import ImageRef, SharedContent

FIELD_HELP = """Where an editor fixes a channel's problem, as a path into the page editor's form.

- "" when no field can: the platform is down, the login expired, the account is blocked;
- a page field: "title", "intro", "image", "image_alt", "body", "tags", "categories"
  (home.sharing.SharedContent.fields names them per page type);
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
    """The alias of the backend the post is for."""
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
    """Structured payload for listing channels (Det sker), made in `compose`."""
    text_field: str = "intro"
    """The field the text came from (the manchet or the channel's own text), for a
    refusal of the text to point at."""
    image_field: str = "image"
    """The field the image came from."""
    image_alt_field: str = "image_alt"
    """The field its alt text came from."""
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


@dataclass(frozen=True)
class PostRecord:
    """A publication as a platform call sees it: what was sent and what came back.

    A value, not the model row, so a platform cannot write a status or read the
    page (channels.models.Publication.record()).
    """

    publication_id: int
    alias: str
    external_id: str = ""
    """The platform's id of the post, once known."""
    external_url: str = ""
    created_at: datetime | None = None
    """When the portal first meant to post: a look-up for a lost answer starts here."""
    published_at: datetime | None = None
    draft: Mapping[str, Any] = field(default_factory=dict)
    """Platform state between attempts (e.g. an Instagram container id)."""


class ChannelBackend(ABC):
    """A platform account the portal posts to, under an alias of `CHANNELS`.

    The class holds what the platform is (flags, metrics, limits); the instance
    holds one account's options, so two aliases of one backend are two
    accounts, each with its own token, quota, posts and reach.
    """

    label: str = ""
    """The channel's name as editors read it (admin, e-mails, reports); `LABEL` in
    the setting overrides it for a second account."""
    choice_label: str = ""
    """The name in the editor's channel choice, if it needs more than `label`."""
    can_update: bool = False
    """The platform lets us change a post after it went out; without it an edit is
    explained to the editor instead of sent."""
    can_withdraw: bool = False
    """The platform lets us delete a post; without it unpublishing or deleting the
    page asks the editor to remove the post by hand."""
    is_manual: bool = False
    """There is no API: the portal prepares the post, an editor posts it and records
    its link; nothing is sent and no reach is pulled."""
    pulls_reach: bool = True
    """The platform serves figures per post (`fetch_reach`); the reach pull skips
    backends without it."""
    utm_medium: str = "social"
    """utm_medium on the channel's links to the story."""
    utm_source: str = ""
    """utm_source on the channel's links (default: the alias)."""
    utm_content: str = ""
    """utm_content on the channel's links, for channels that share a utm_source."""
    reach_source: str = ""
    """The site-reach source (reach.Source) a visit through the channel's link is credited to."""
    metrics: tuple[Metric, ...] = ()
    """Every reach metric the channel knows, current and removed (see Metric.removed_on)."""
    image_spec: str = ""
    """The Wagtail rendition spec of the image the platform takes; "" for none."""
    links_by_short_address: bool = False
    """A link in the post cannot be clicked (an Instagram caption): the shared
    rendering step gives the page's short address on the portal's own domain
    (/k/abc23) instead, to type or reach from the bio; its visits carry the
    channel's tags and so count for the channel in reach."""
    renewal_steps_da: str = ""
    """How the secretariat renews the channel's login, step by step, in Danish."""
    option_names: tuple[str, ...] = ()
    """The OPTIONS the backend reads; any other key is a configuration error."""

    def __init__(
        self, alias: str, options: Mapping[str, Any] | None = None, **overrides: str
    ) -> None:
        self.alias = alias
        self.options: dict[str, Any] = dict(options or {})
        for name, value in overrides.items():
            if value:
                setattr(self, name, value)

    @property
    def slug(self) -> str:
        """The alias: Publication.channel, PageChannel.channel and reach pulls hold it."""
        return self.alias

    def option(self, name: str, default: Any = "") -> Any:
        value = self.options.get(name, default)
        return default if value is None else value

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.alias!r}>"

    # -- configuration ------------------------------------------------------------
    @abstractmethod
    def is_configured(self) -> bool:
        """True when the options hold what the channel needs to post."""

    def configuration_problems(self) -> list[str]:
        """Options that cannot work together (a token without its page id, ...), in
        English; empty when the channel is fully set up or not at all."""
        return []

    @property
    def check_id(self) -> str:
        """The prefix of this backend's system-check ids ("channels.facebook")."""
        return f"channels.{type(self).__module__.rsplit('.', 1)[-1]}"

    def check(self) -> list[CheckMessage]:
        """This alias's configuration, for `manage.py check`, under the backend's ids:
        <check_id>.E001 an unknown option, <check_id>.E002 a configuration problem."""
        where = f"CHANNELS[{self.alias!r}]"
        messages: list[CheckMessage] = [
            Error(
                f"{where} has the option {name!r}, which {type(self).__name__} does not read.",
                hint=f"Known options: {', '.join(self.option_names) or 'none'}.",
                id=f"{self.check_id}.E001",
            )
            for name in self.options
            if name not in self.option_names
        ]
        messages += [
            Error(
                f"{where}: {problem}",
                hint=f"See docs/channels.md, channel '{self.alias}'.",
                id=f"{self.check_id}.E002",
            )
            for problem in self.configuration_problems()
        ]
        return messages

    def requested_metrics(self, refused: frozenset[str] = frozenset()) -> tuple[str, ...]:
        """The metrics to ask the platform for: never one it removed or refused."""
        return tuple(m.name for m in self.metrics if m.removed_on is None and m.name not in refused)

    def link_tags(self) -> dict[str, str]:
        """The UTM parameters (without utm_campaign) on the channel's links."""
        tags = {"utm_source": self.utm_source or self.alias, "utm_medium": self.utm_medium}
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

    # -- the post -------------------------------------------------------------------
    def default_enabled(self, content: SharedContent) -> bool:
        """Whether a page shares on this channel when the editor has not chosen."""
        return False

    def compose(self, post: Post, content: SharedContent) -> Post:
        """The platform's own layout of the common post (channels.rendering):
        its caption, its document. `post.text` arrives as the editor's own text or
        the lead with when and where."""
        return post

    @abstractmethod
    def validate(self, post: Post) -> list[Problem]:
        """Every platform limit the post breaks, each with the field that fixes it;
        empty if fine."""

    # -- platform calls: the post first, then the record -----------------------------
    # Channels without an API (is_manual) or without edit/delete on the platform
    # (can_update/can_withdraw False) keep these; the publishing service reads the
    # flags first, so reaching one is a permanent, explained failure.
    def publish(self, post: Post, record: PostRecord) -> PostResult:
        raise self._cannot("lægge opslag ud automatisk")

    def update(self, post: Post, record: PostRecord) -> PostResult:
        raise self._cannot("rette et udgivet opslag")

    def withdraw(self, record: PostRecord) -> PostResult:
        raise self._cannot("trække et opslag tilbage")

    def _cannot(self, action: str) -> PlatformError:
        return PlatformError(kind="permanent", message_da=f"{self.label} kan ikke {action}.")

    def find_existing(self, post: Post, record: PostRecord) -> PostResult | None:
        """Look on the platform for a post we may have created but never heard back about."""
        return None

    def fetch_reach(self, record: PostRecord, refused: frozenset[str] = frozenset()) -> ReachResult:
        """The post's figures; `refused` names metrics the platform already refused."""
        return ReachResult(metrics={})


Channel = ChannelBackend
"""The name the rest of the channel layer types a backend with."""
