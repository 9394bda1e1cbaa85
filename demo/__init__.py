"""Dev-only: the demo content and the local platform stand-in.

Installed by the dev and test settings, never by production (no product app
imports it; `make lint` checks that). `manage.py load_demo` builds a portal
with real Ishøj stories from the modules here, each with `load(stdout)`;
`manage.py run_platform_standin` serves `demo/standin/`, a local stand-in for
Facebook, Instagram, YouTube and the Det sker listing.
"""
