"""Where a page view came from: the channels' UTM tags first, then the referrer."""

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from .models import Source

# utm_source values the channel layer puts on its links, mapped to a source.
UTM_SOURCES: dict[str, str] = {
    "facebook": Source.FACEBOOK,
    "facebook_group": Source.FACEBOOK,
    "instagram": Source.INSTAGRAM,
    "youtube": Source.YOUTUBE,
    "detsker": Source.MUNICIPAL,
}

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
    """The raw utm_source tag when it named a known channel, else ''."""
    utm_campaign: str


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
    if utm_source in UTM_SOURCES:
        return Attribution(UTM_SOURCES[utm_source], utm_source, campaign)
    return Attribution(source_from_referrer(referrer, own_host), "", campaign)
