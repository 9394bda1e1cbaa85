"""Production: everything secret or site-specific comes from the environment.

It refuses to start with a missing, short or generated-for-development secret
key, because a portal that signs sessions with a known key is open to anyone;
and with ALLOWED_HOSTS "*", which lets any Host header build the links in
password-reset mails and the API.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

if os.environ.get("DEBUG", "").lower() in ("1", "true", "yes", "on"):
    raise ImproperlyConfigured("DEBUG must be off in production.")
DEBUG = False
if (
    len(SECRET_KEY) < 50  # noqa: F405
    or len(set(SECRET_KEY)) < 5  # noqa: F405
    or SECRET_KEY.startswith("django-insecure-")  # noqa: F405
    or "not-secret" in SECRET_KEY  # noqa: F405
):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a long random value (50+ characters, not 'django-insecure-…'); "
        "generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the hosts the portal answers.")
if any(host.strip() in ("*", ".*") for host in ALLOWED_HOSTS):  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the hosts; '*' is not allowed.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_CONTENT_TYPE_NOSNIFF = True
CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS]  # noqa: F405
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "1") == "1"
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
# Content-Security-Policy (home/security.py): on unless explicitly switched off.
CONTENT_SECURITY_POLICY = os.environ.get("CONTENT_SECURITY_POLICY", "1") == "1"

# `check --deploy` warnings that are decisions, not oversights:
SILENCED_SYSTEM_CHECKS = [
    # W019: X_FRAME_OPTIONS is SAMEORIGIN, not DENY, because Wagtail's own
    # admin frames its previews; other sites are kept out by the CSP's
    # frame-ancestors 'self' (the Det sker widget alone is framable anywhere).
    "security.W019",
    # W021: no HSTS preload. Entering the preload list binds every subdomain of
    # the municipality's domain to HTTPS for years; that is the municipality's
    # IT department's decision, not this portal's.
    "security.W021",
]
