"""The three roles of the portal and what each may do (docs/roles.md).

One place names the groups and their permissions, so the data migration, the
demo users, the admin views and the permission-matrix test agree. The migration
applies `grant_role_permissions` with its historical models; `post_migrate`
applies `grant_report_permissions` again for a permission that appears later
(the reach app's `view_reports` when reach is migrated after home).
"""

from __future__ import annotations

SEKRETARIAT = "Sekretariat"
MEDREDAKTOR = "Medredaktør"
RAPPORTLAESER = "Rapportlæser"
ROLES = (SEKRETARIAT, MEDREDAKTOR, RAPPORTLAESER)
# Volunteer translators: edit the translated trees and send them for approval;
# never publish, never touch a Danish page (docs/translations.md).
OVERSAETTER = "Oversætter"
TRANSLATOR_PAGE_PERMISSIONS = ("add_page", "change_page")
TRANSLATOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("simple_translation", "submit_translation"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "choose_document"),
]

WORKFLOW_NAME = "Godkendelse"
APPROVAL_TASK_NAME = "Sekretariatets godkendelse"
# Residents' uploads wait unmoderated in the first, never served publicly
# (home/uploads.py); approved ones move to the second.
SUBMITTED_IMAGES_COLLECTION = "Indsendte billeder"
APPROVED_IMAGES_COLLECTION = "Godkendte borgerbilleder"

CRUD = ("add", "change", "delete", "view")
# Page permissions (Wagtail GroupPagePermission) on the root page, so they
# cover stories, events, places, groups and photo calls alike.
PAGE_PERMISSIONS = {
    SEKRETARIAT: (
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ),
    MEDREDAKTOR: ("add_page", "change_page"),
}
# Collection permissions on the root collection.
COLLECTION_PERMISSIONS = {
    SEKRETARIAT: [("wagtailimages", f"{a}_image") for a in ("add", "change", "delete", "choose")]
    + [("wagtaildocs", f"{a}_document") for a in ("add", "change", "delete", "choose")],
    MEDREDAKTOR: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
    ],
}
# Taxonomy snippets both editing roles use while writing.
_TAXONOMY = [
    ("stories", "partner"),
    ("stories", "eventcategory"),
    ("locations", "placecategory"),
    ("locations", "facility"),
]
# Personal data from residents: the secretariat only (group contacts see their
# own group's sign-ups through a view that filters by group, not a permission).
_PERSONAL = [
    ("stories", m)
    for m in (
        "tasksignup",
        "volunteersignup",
        "storysubmission",
        "photosubmission",
        "eventsubmission",
    )
] + [("locations", "placesuggestion")]
MODEL_PERMISSIONS = {
    SEKRETARIAT: [("wagtailadmin", "access_admin")]
    + [(app, f"{a}_{model}") for app, model in _TAXONOMY for a in CRUD]
    + [(app, f"{a}_{model}") for app, model in _PERSONAL for a in ("view", "change", "delete")]
    + [("stories", "export_personal_data"), ("home", "change_sitesettings")]
    + [("simple_translation", "submit_translation")]
    + [("home", f"{a}_standardanswer") for a in CRUD]
    + [("channels", f"{a}_publication") for a in CRUD]
    + [("wagtailredirects", f"{a}_redirect") for a in CRUD],
    MEDREDAKTOR: [("wagtailadmin", "access_admin")]
    + [(app, f"{a}_{model}") for app, model in _TAXONOMY for a in ("add", "change", "view")],
    RAPPORTLAESER: [("wagtailadmin", "access_admin")],
}
# The reach app's report permission and the figures the secretariat enters.
_REACH_ENTRIES = ("manualfigure", "presscoverage", "storyevaluation", "timelinenote")
REACH_PERMISSIONS = {
    SEKRETARIAT: ["view_reports", "change_evaluationtargets"]
    + [f"{a}_{m}" for m in _REACH_ENTRIES for a in CRUD]
    # Council links to a report: made, seen and revoked by the secretariat only.
    + [f"{a}_reportsharelink" for a in ("add", "change", "view")],
    RAPPORTLAESER: ["view_reports"] + [f"view_{m}" for m in _REACH_ENTRIES],
}
# The fediverse's followers (seen and removed) and blocked domains: the secretariat only.
FEDIVERSE_PERMISSIONS = {
    SEKRETARIAT: ["view_follower", "delete_follower"] + [f"{a}_blockeddomain" for a in CRUD],
}


def _permissions(Permission, pairs):
    """The Permission rows that exist for (app_label, codename) pairs; a missing
    app (not installed yet) is skipped rather than failing the migration."""
    found = []
    for app_label, codename in pairs:
        perm = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if perm is not None:
            found.append(perm)
    return found


def grant_role_permissions(Group, Permission) -> None:
    """Create the three groups and give them their model permissions."""
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(*_permissions(Permission, MODEL_PERMISSIONS.get(role, [])))
    grant_reach(Group, Permission)


def grant_translator_permissions(Group, Permission) -> None:
    """The Oversætter group and its model permissions; its page permissions
    (on each translated tree's root) are given by home.language_roots. The
    secretariat translates too."""
    group, _ = Group.objects.get_or_create(name=OVERSAETTER)
    group.permissions.add(*_permissions(Permission, TRANSLATOR_PERMISSIONS))
    secretariat = Group.objects.filter(name=SEKRETARIAT).first()
    if secretariat is not None:
        secretariat.permissions.add(
            *_permissions(Permission, [("simple_translation", "submit_translation")])
        )


def grant_reach(Group, Permission) -> None:
    """Permissions of apps that may be migrated after home (reach, fediverse)."""
    for app_label, table in (("reach", REACH_PERMISSIONS), ("fediverse", FEDIVERSE_PERMISSIONS)):
        for role, codenames in table.items():
            group = Group.objects.filter(name=role).first()
            if group is not None:
                pairs = [(app_label, c) for c in codenames]
                group.permissions.add(*_permissions(Permission, pairs))


def grant_report_permissions(sender=None, **kwargs) -> None:
    """post_migrate: give the roles reach's permissions once reach has created them.

    Idempotent (permissions.add ignores what is already there), so it is safe
    after every `migrate`.
    """
    from django.contrib.auth.models import Group, Permission

    using = kwargs.get("using", "default")
    if not Group.objects.using(using).filter(name__in=ROLES).exists():
        return
    grant_reach(Group, Permission)
    # Models added after the roles migration, granted the same way.
    secretariat = Group.objects.using(using).filter(name=SEKRETARIAT).first()
    if secretariat is not None:
        later = [("home", f"{a}_standardanswer") for a in CRUD]
        secretariat.permissions.add(*_permissions(Permission, later))


def user_has_role(user, role: str) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=role).exists()


def is_secretariat(user) -> bool:
    return user_has_role(user, SEKRETARIAT)
