"""Three demo logins, one per role (docs/roles.md): the secretariat, a volunteer
co-editor and a report reader. The roles and their permissions come from the
migration home/0003_roles; the demo only puts each login in its group.
"""

import os
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from home.roles import MEDREDAKTOR, RAPPORTLAESER, SEKRETARIAT

# Groups the demo users were put in before the roles existed; they leave them.
LEGACY_GROUPS = ("Moderators", "Editors", "Rapportlæsere")


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
    DemoUser("sekretariat", "Sekretariatet", "for Vores Ishøj", SEKRETARIAT),
    DemoUser("medredaktor", "Medredaktør", "fra lokalsamfundet", MEDREDAKTOR),
    DemoUser("rapportlaeser", "Rapportlæser", "i kommunen", RAPPORTLAESER),
)


def _group(name: str) -> Group:
    """The roles migration creates the groups; a database that has lost one
    gets it back with at least admin access."""
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
        user.groups.remove(*Group.objects.filter(name__in=LEGACY_GROUPS))
        if created:
            stdout.write(f"Brugeren '{spec.username}' er oprettet ({spec.group}).")
        logins.append(DemoLogin(spec.username, spec.group, password, created))
    return logins
