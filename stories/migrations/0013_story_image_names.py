"""A story's picture is `image`, `image_alt` and `image_caption`, as on every page type.

Stories called it `hero_image`, events, groups and places `image`; the channel
layer and the templates had to know which. The columns are renamed in place
(no row changes), and what Wagtail keeps under the field's name is renamed with
them (home.field_renames: revisions, comments, the reference index), so nothing
an editor made before is lost; a channel's last refusal points the editor at a
field, renamed in channels 0008.

The API keeps publishing `hero_image` (docs/api.md).
"""

from django.db import migrations

from home.field_renames import rename_stored_names

RENAMES = {
    "hero_image": "image",
    "hero_image_alt": "image_alt",
    "hero_image_caption": "image_caption",
}


def forwards(apps, schema_editor):
    rename_stored_names(apps, "stories", "StoryPage", RENAMES)


def backwards(apps, schema_editor):
    rename_stored_names(apps, "stories", "StoryPage", {new: old for old, new in RENAMES.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0012_resident_line_breaks"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RenameField("storypage", "hero_image", "image"),
        migrations.RenameField("storypage", "hero_image_alt", "image_alt"),
        migrations.RenameField("storypage", "hero_image_caption", "image_caption"),
        migrations.RunPython(forwards, backwards),
    ]
