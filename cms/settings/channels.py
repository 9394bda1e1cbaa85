"""The `CHANNELS` setting, read from the environment variables documented in
docs/channels.md (FACEBOOK_PAGE_ID, FACEBOOK_PAGE_TOKEN, INSTAGRAM_TOKEN, ...).

Each entry maps an alias to a backend and its options (channels.registry).
A deployment that wants a second account on a platform, or no Det sker at
all, sets CHANNELS itself in its settings module: start from
`channels_from_environment(os.environ)` and add or delete entries. A channel
whose variables are empty stays in the setting and shows as "ikke sat op",
as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

GRAPH_HOST = "https://graph.facebook.com"
PLATFORM = "channels.platforms"


def channels_from_environment(
    environ: Mapping[str, str], standin: str = "", demo_tokens: bool = False
) -> dict[str, dict[str, Any]]:
    """The portal's six channels from the environment; `standin` points every URL
    not set in the environment at the local platform stand-in, `demo_tokens`
    fills empty credentials with the stand-in's demo tokens (dev only)."""

    def env(name: str, default: str = "", demo: str = "") -> str:
        value = environ.get(name, "")
        return value or (demo if demo_tokens and demo else default)

    def url(name: str, real: str, standin_path: str = "") -> str:
        return environ.get(name) or (f"{standin}{standin_path}" if standin else real)

    return {
        "facebook": {
            "BACKEND": f"{PLATFORM}.facebook.FacebookBackend",
            "OPTIONS": {
                "API_URL": url("FACEBOOK_API_URL", GRAPH_HOST),
                "PAGE_ID": env("FACEBOOK_PAGE_ID", demo="1000000001"),
                "TOKEN": env("FACEBOOK_PAGE_TOKEN", demo="demo-facebook-token"),
            },
        },
        "instagram": {
            "BACKEND": f"{PLATFORM}.instagram.InstagramBackend",
            "OPTIONS": {
                "API_URL": url("INSTAGRAM_API_URL", GRAPH_HOST),
                "USER_ID": env("INSTAGRAM_USER_ID", demo="17841400000000001"),
                "TOKEN": env("INSTAGRAM_TOKEN", demo="demo-instagram-token"),
            },
        },
        "youtube": {
            "BACKEND": f"{PLATFORM}.youtube.YouTubeBackend",
            "OPTIONS": {
                "API_URL": url(
                    "YOUTUBE_API_URL", "https://www.googleapis.com/youtube/v3", "/youtube/v3"
                ),
                "ANALYTICS_URL": url(
                    "YOUTUBE_ANALYTICS_URL",
                    "https://youtubeanalytics.googleapis.com/v2",
                    "/youtube/analytics/v2",
                ),
                "TOKEN_URL": url(
                    "YOUTUBE_TOKEN_URL", "https://oauth2.googleapis.com/token", "/youtube/token"
                ),
                "ACCESS_TOKEN": env("YOUTUBE_ACCESS_TOKEN", demo="demo-youtube-token"),
                "CLIENT_ID": env("YOUTUBE_CLIENT_ID"),
                "CLIENT_SECRET": env("YOUTUBE_CLIENT_SECRET"),
                "REFRESH_TOKEN": env("YOUTUBE_REFRESH_TOKEN"),
                "DAILY_QUOTA": int(env("CHANNELS_YOUTUBE_DAILY_QUOTA", "10000")),
            },
        },
        "detsker": {
            "BACKEND": f"{PLATFORM}.detsker.DetSkerBackend",
            "OPTIONS": {
                "API_URL": url("DETSKER_API_URL", "", "/detsker"),
                "TOKEN": env("DETSKER_TOKEN", demo="demo-detsker-token"),
            },
        },
        "facebook_group": {"BACKEND": f"{PLATFORM}.facebook_group.FacebookGroupBackend"},
        # Our own ActivityPub actors (docs/fediverse.md): no account elsewhere, no options.
        "fediverse": {"BACKEND": f"{PLATFORM}.fediverse.FediverseBackend"},
    }
