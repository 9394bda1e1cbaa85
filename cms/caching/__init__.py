"""The page cache: anonymous GETs of public pages and feeds served from Django's
cache, purged through Wagtail's frontend-cache machinery (see docs/deploy.md)."""
