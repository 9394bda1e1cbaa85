"""The role Oversætter: volunteer translators (home.roles)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from home import roles


def create_translator_role(apps, schema_editor):
    for label in ("wagtailadmin", "simple_translation", "wagtailimages", "wagtaildocs"):
        try:
            app_config = apps.get_app_config(label)
        except LookupError:
            continue
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    roles.grant_translator_permissions(
        apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_locales"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_translator_role, migrations.RunPython.noop)]
