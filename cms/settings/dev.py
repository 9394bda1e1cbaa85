"""Local development: `make run`."""

import os

from .base import *  # noqa: F403
from .channels import channels_from_environment

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
CHANNELS = channels_from_environment(os.environ, standin=_STANDIN, demo_tokens=True)

# A fediverse server on this machine (the demo's follower, the test peer) may follow the portal.
FEDIVERSE_ALLOW_HTTP_LOOPBACK = True
