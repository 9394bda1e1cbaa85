"""A local stand-in for Facebook, Instagram, YouTube and the Det sker listing.

Speaks each platform's wire format on 127.0.0.1 only, with its errors, rate
limits and usage headers, records what it receives and injects faults on
request (POST /_control/faults). Used in-process by the tests and as a
separate process (`manage.py run_platform_standin`) in the demo.
"""

from .server import PlatformStandin

__all__ = ["PlatformStandin"]
