"""The locales residents read the portal in (settings.WAGTAIL_CONTENT_LANGUAGES):
Danish exists since Wagtail's first migration; Arabic, Turkish, Urdu and
English are added here, and any language added to the settings later by
`home.language_roots` after each migrate. The translated trees' roots (the
front page and its sections, as drafts) are made there too, once the Danish
site has sections: they need the real page models, which a migration must not
import.
"""

from django.db import migrations

LANGUAGES = ("da", "ar", "tr", "ur", "en")


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_site_settings_lix_target"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
