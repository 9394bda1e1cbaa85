"""Where a page view came from: the channels' UTM tags first, then the referrer."""

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from channels.registry import all_channels

from .models import Source


def channel_tags() -> dict[tuple[str, str], tuple[str, str]]:
    """(utm_source, utm_content) on a channel's links -> (its slug, its reach source).

    Derived from the channel registry, so a new channel's visits are credited
    to it without touching this module; the Facebook group shares
    utm_source=facebook with the Page and is told apart by utm_content.
    """
    tags: dict[tuple[str, str], tuple[str, str]] = {}
    for channel in all_channels():
        if channel.reach_source:
            link = channel.link_tags()
            key = (link["utm_source"], link.get("utm_content", ""))
            tags[key] = (channel.slug, channel.reach_source)
    return tags


CHANNEL_TAGS = channel_tags()

# Sources that are not channels, each with the utm_source its short links carry
# (home.models.ShortLink): the printed poster's QR code and address.
OWN_TAGS = {"plakat": Source.POSTER}

# Referrer host suffixes. Checked in order; the first match wins.
REFERRER_HOSTS: tuple[tuple[str, str], ...] = (
    ("facebook.com", Source.FACEBOOK),
    ("fb.com", Source.FACEBOOK),
    ("fb.me", Source.FACEBOOK),
    ("instagram.com", Source.INSTAGRAM),
    ("youtube.com", Source.YOUTUBE),
    ("youtu.be", Source.YOUTUBE),
    ("ishoj.dk", Source.MUNICIPAL),
    ("detskeriishoj.dk", Source.MUNICIPAL),
    ("google.", Source.SEARCH),
    ("bing.com", Source.SEARCH),
    ("duckduckgo.com", Source.SEARCH),
    ("yahoo.com", Source.SEARCH),
    ("ecosia.org", Source.SEARCH),
    ("startpage.com", Source.SEARCH),
)


@dataclass(frozen=True)
class Attribution:
    source: str
    utm_source: str
    """The channel (its slug) whose tagged link was followed, else ''."""
    utm_campaign: str
    utm_content: str = ""
    """The raw utm_content tag, kept with the hit."""


def _host_matches(host: str, pattern: str) -> bool:
    if pattern.endswith("."):  # "google." matches google.dk, google.com, www.google.de
        return host.startswith(pattern) or f".{pattern}" in f".{host}"
    return host == pattern or host.endswith("." + pattern)


def source_from_referrer(referrer: str, own_host: str = "") -> str:
    """The source a referrer stands for; an own-site or empty referrer is direct."""
    if not referrer:
        return Source.DIRECT
    try:
        host = (urlsplit(referrer).hostname or "").lower()
    except ValueError:
        return Source.OTHER
    if not host:
        return Source.DIRECT
    if own_host and (host == own_host or host.endswith("." + own_host)):
        return Source.DIRECT
    for pattern, source in REFERRER_HOSTS:
        if _host_matches(host, pattern):
            return source
    return Source.OTHER


def attribute(query: str, referrer: str, own_host: str = "") -> Attribution:
    """UTM tags win over the referrer: apps (Instagram, Facebook's in-app
    browser) often send no referrer, but our links carry the tags."""
    params = parse_qs(query.lstrip("?"), keep_blank_values=False)
    utm_source = (params.get("utm_source", [""])[0] or "").strip().lower()[:20]
    campaign = (params.get("utm_campaign", [""])[0] or "").strip()[:80]
    content = (params.get("utm_content", [""])[0] or "").strip().lower()[:40]
    channel = CHANNEL_TAGS.get((utm_source, content)) or CHANNEL_TAGS.get((utm_source, ""))
    if channel is not None:
        slug, source = channel
        return Attribution(source, slug, campaign, content)
    if utm_source in OWN_TAGS:
        return Attribution(OWN_TAGS[utm_source], "", campaign, content)
    return Attribution(source_from_referrer(referrer, own_host), "", campaign, content)
