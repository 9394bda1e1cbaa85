"""Only report readers ("Rapportlæsere") and the secretariat ("Moderators") see
figures: give them `reach.view_reports`, and the secretariat the right to
enter manual figures, press coverage, story marks and the targets."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

READERS = "Rapportlæsere"
SECRETARIAT = "Moderators"
EDITABLE = ("manualfigure", "presscoverage", "storyevaluation")


def _permissions(apps):
    app_config = apps.get_app_config("reach")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    return apps.get_model("auth", "Permission").objects.filter(content_type__app_label="reach")


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    reach = _permissions(apps)
    view_reports = reach.get(codename="view_reports")
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    readers, _ = Group.objects.get_or_create(name=READERS)
    secretariat, _ = Group.objects.get_or_create(name=SECRETARIAT)
    readers.permissions.add(view_reports, *reach.filter(codename__in=[f"view_{m}" for m in EDITABLE]))
    secretariat.permissions.add(
        view_reports,
        *reach.filter(
            codename__in=[f"{a}_{m}" for m in EDITABLE for a in ("add", "change", "delete", "view")]
            + ["change_evaluationtargets"]
        ),
    )
    if access_admin:
        readers.permissions.add(access_admin)
        secretariat.permissions.add(access_admin)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=[READERS, SECRETARIAT]):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="reach"))


class Migration(migrations.Migration):
    dependencies = [
        ("reach", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
