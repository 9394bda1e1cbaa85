"""Three demo logins, one per kind of person who works in the admin.

Deliberately simple: roles come from Wagtail's default groups plus one group
for reading reports. A later issue refines the roles and their permissions;
until then these are enough to show the admin as each kind of user sees it.
"""

import os
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

REPORT_READERS = "Rapportlæsere"


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    group: str


@dataclass(frozen=True)
class DemoLogin:
    """What the command tells the developer about one login."""

    username: str
    group: str
    password: str | None
    """The password to print, or None when it was left as it was."""
    created: bool


DEMO_USERS = (
    DemoUser("sekretariat", "Sekretariatet", "for Vores Ishøj", "Moderators"),
    DemoUser("medredaktor", "Medredaktør", "fra lokalsamfundet", "Editors"),
    DemoUser("rapportlaeser", "Rapportlæser", "i kommunen", REPORT_READERS),
)


def _group(name: str) -> Group:
    """Wagtail's migrations create "Moderators" and "Editors"; a database
    that has lost them gets them back with at least admin access."""
    group, _ = Group.objects.get_or_create(name=name)
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    if not group.permissions.filter(pk=access_admin.pk).exists():
        group.permissions.add(access_admin)
    return group


def load(stdout) -> list[DemoLogin]:
    """Create or refresh the demo users; return what to tell about each login."""
    env_password = os.environ.get("DEMO_PASSWORD", "")
    logins = []
    for spec in DEMO_USERS:
        user, created = get_user_model().objects.get_or_create(
            username=spec.username,
            defaults={"first_name": spec.first_name, "last_name": spec.last_name},
        )
        password = None
        if created or (env_password and not user.check_password(env_password)):
            password = env_password or secrets.token_urlsafe(12)
            user.set_password(password)
            user.save()
        if user.is_staff or user.is_superuser or not user.is_active:
            user.is_staff = user.is_superuser = False
            user.is_active = True
            user.save()
        group = _group(spec.group)
        if not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)
        if created:
            stdout.write(f"Brugeren '{spec.username}' er oprettet ({spec.group}).")
        logins.append(DemoLogin(spec.username, spec.group, password, created))
    return logins
