"""Local development: `make run`."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-not-secret"  # noqa: F405
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost"]  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
# gunicorn serves static files through WhiteNoise straight from the source folders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Dev-only commands: load_demo and run_platform_standin (demo/), the
# benchmarks (benchmarks/). Production never installs either.
INSTALLED_APPS = [*INSTALLED_APPS, "demo", "benchmarks"]  # noqa: F405

# The channel layer talks to the local platform stand-in (run_platform_standin
# --port 8765) with demo tokens, unless the environment says otherwise.
_STANDIN = os.environ.get("CHANNELS_STANDIN_URL", "http://127.0.0.1:8765")
FACEBOOK_API_URL = os.environ.get("FACEBOOK_API_URL", _STANDIN)
INSTAGRAM_API_URL = os.environ.get("INSTAGRAM_API_URL", _STANDIN)
YOUTUBE_API_URL = os.environ.get("YOUTUBE_API_URL", f"{_STANDIN}/youtube/v3")
YOUTUBE_ANALYTICS_URL = os.environ.get("YOUTUBE_ANALYTICS_URL", f"{_STANDIN}/youtube/analytics/v2")
YOUTUBE_TOKEN_URL = os.environ.get("YOUTUBE_TOKEN_URL", f"{_STANDIN}/youtube/token")
DETSKER_API_URL = os.environ.get("DETSKER_API_URL", f"{_STANDIN}/detsker")
FACEBOOK_PAGE_ID = FACEBOOK_PAGE_ID or "1000000001"  # noqa: F405
FACEBOOK_PAGE_TOKEN = FACEBOOK_PAGE_TOKEN or "demo-facebook-token"  # noqa: F405
INSTAGRAM_USER_ID = INSTAGRAM_USER_ID or "17841400000000001"  # noqa: F405
INSTAGRAM_TOKEN = INSTAGRAM_TOKEN or "demo-instagram-token"  # noqa: F405
YOUTUBE_ACCESS_TOKEN = YOUTUBE_ACCESS_TOKEN or "demo-youtube-token"  # noqa: F405
DETSKER_TOKEN = DETSKER_TOKEN or "demo-detsker-token"  # noqa: F405

# A fediverse server on this machine (the demo's follower, the test peer) may follow the portal.
FEDIVERSE_ALLOW_HTTP_LOOPBACK = True
