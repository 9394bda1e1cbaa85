"""A channel's last refusal points at the story's picture under its new name.

Stories' `hero_image` fields are `image`, `image_alt` and `image_caption` since
stories 0013; a refusal recorded before names the old field, and the Kanaler
tab would lose its link to the field that fixes it. Only stories had fields of
those names, so the paths are renamed whatever page they belong to.
"""

from django.db import migrations

RENAMES = {
    "hero_image": "image",
    "hero_image_alt": "image_alt",
    "hero_image_caption": "image_caption",
}


def rename(apps, renames: dict[str, str]) -> None:
    Publication = apps.get_model("channels", "Publication")
    for old, new in renames.items():
        Publication.objects.filter(fix_field=old).update(fix_field=new)


def forwards(apps, schema_editor):
    rename(apps, RENAMES)


def backwards(apps, schema_editor):
    # Events already called their picture `image`: only story publications go back.
    Publication = apps.get_model("channels", "Publication")
    StoryPage = apps.get_model("stories", "StoryPage")
    stories = StoryPage.objects.values("pk")
    for old, new in RENAMES.items():
        Publication.objects.filter(fix_field=new, page_id__in=stories).update(fix_field=old)


class Migration(migrations.Migration):
    dependencies = [
        ("channels", "0007_publication_language"),
        ("stories", "0013_story_image_names"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
