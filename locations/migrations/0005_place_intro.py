"""A place's short text is `intro`, as on stories and events.

Places called it `summary`, stories and events `intro`, for the same thing: the
sentence or two under the title that lists and teasers show. The column is
renamed in place (no row changes), and what Wagtail keeps under the field's
name is renamed with it (home.field_renames: revisions, comments, the reference
index), so a draft, a scheduled publication or an old revision keeps its text.

No channel migration goes with it, as channels 0008 did for stories' picture:
places are not shared by the channels, so no publication's refusal names a
place's field.

The places API, the GeoJSON feed and the place importer keep `summary`
(docs/api.md, docs/places-geojson.md).
"""

from django.db import migrations

from home.field_renames import rename_stored_names

RENAMES = {"summary": "intro"}


def forwards(apps, schema_editor):
    rename_stored_names(apps, "locations", "PlacePage", RENAMES)


def backwards(apps, schema_editor):
    rename_stored_names(apps, "locations", "PlacePage", {new: old for old, new in RENAMES.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("locations", "0004_contributions_for_earlier_suggestions"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RenameField("placepage", "summary", "intro"),
        migrations.RunPython(forwards, backwards),
    ]
