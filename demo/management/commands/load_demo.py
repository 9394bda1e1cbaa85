"""`manage.py load_demo`: a portal with real Ishøj stories, ready to show."""

import importlib
import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from demo import site as demo_site
from demo import users as demo_users

# Every app with demo content adds its module here. Each exposes
# `load(stdout) -> None` and must be idempotent: running the command again
# changes nothing that is already as the demo wants it.
DEMO_MODULES = [
    "demo.stories",
    "demo.locations",
    "demo.stories.events",
    "demo.stories.community",
    "demo.reach",
    "demo.reach_channels",
    "demo.fediverse",
    # Last: translates pages the modules above made.
    "demo.translations",
]


class Command(BaseCommand):
    help = "Indlæser demo-indhold: site, brugere og historier fra Ishøj. Kan køres igen."

    def handle(self, *args, **options):
        # One transaction: a failing module leaves the database as it was,
        # never half a demo.
        with transaction.atomic():
            site = demo_site.load(self.stdout)
            logins = demo_users.load(self.stdout)
            for name in DEMO_MODULES:
                importlib.import_module(name).load(self.stdout)
        # The search index is otherwise updated by the task worker; build it
        # now so search finds the demo content from the first page view.
        call_command("update_index", verbosity=0)
        self._report(site, logins)

    def _report(self, site, logins):
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"
        self.stdout.write(self.style.SUCCESS(f"Demo-indhold er klar på {site.root_url}/"))
        self.stdout.write(f"Log ind på {admin_url}")
        from_env = bool(os.environ.get("DEMO_PASSWORD"))
        for login in logins:
            if login.password and not from_env:
                secret = f"adgangskode: {login.password} (vises kun denne ene gang)"
            elif from_env:
                secret = "adgangskode: værdien af DEMO_PASSWORD"
            else:
                secret = "adgangskoden er uændret"
            self.stdout.write(f"  {login.username:<14} {login.group:<14} {secret}")
        if not from_env and not any(login.created for login in logins):
            self.stdout.write(
                "Kender du ikke adgangskoderne, så kør igen med en ny: "
                "DEMO_PASSWORD=… python manage.py load_demo"
            )
