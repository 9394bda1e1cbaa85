"""A story's picture is `image`, `image_alt` and `image_caption`, as on every page type.

Stories called it `hero_image`, events, groups and places `image`; the channel
layer and the templates had to know which. The columns are renamed in place
(no row changes), and what Wagtail keeps under the field's name is renamed with
them, so nothing an editor made before is lost:

- revisions (drafts, scheduled publications, the history an editor reverts to)
  store the page as JSON keyed by field name: an old key would be ignored on
  publish or revert, and the story would go live without its picture;
- comments on a field are anchored by its content path, in the comment table
  and in the revisions' copies of the comments;
- the reference index (an image's "Usage") names the field and hashes the path;
- a channel's last refusal points the editor at a field (channels 0008).

The API keeps publishing `hero_image` (docs/api.md).
"""

import uuid

from django.db import migrations

RENAMES = {
    "hero_image": "image",
    "hero_image_alt": "image_alt",
    "hero_image_caption": "image_caption",
}
# Where a revision keeps the page's comments: Wagtail's relation name, and the
# name revisions made before Wagtail 2.15 used (Page.with_content_json reads both).
COMMENT_KEYS = ("wagtail_admin_comments", "comments")
# wagtail.models.ReferenceIndex._get_content_path_hash (frozen here, as a migration must be).
CONTENT_PATH_NAMESPACE = uuid.UUID("bdc70d8b-e7a2-4c2a-bf43-2a3e3fcbbe86")


def renamed_path(path: str, renames: dict[str, str]) -> str:
    """A content path ("hero_image", "hero_image_alt") under the new field name."""
    head, dot, rest = path.partition(".")
    return renames.get(head, head) + dot + rest


def renamed_content(content: dict, renames: dict[str, str]) -> dict:
    """A revision's JSON with the fields, and the comments on them, renamed."""
    content = {renames.get(key, key): value for key, value in content.items()}
    for key in COMMENT_KEYS:
        comments = content.get(key)
        if isinstance(comments, list):
            content[key] = [
                {**comment, "contentpath": renamed_path(comment["contentpath"], renames)}
                if isinstance(comment, dict) and isinstance(comment.get("contentpath"), str)
                else comment
                for comment in comments
            ]
    return content


def rename_stored_names(apps, renames: dict[str, str]) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    Comment = apps.get_model("wagtailcore", "Comment")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    StoryPage = apps.get_model("stories", "StoryPage")
    story_type = ContentType.objects.filter(app_label="stories", model="storypage").first()
    if story_type is None:
        return  # a fresh database: nothing was stored under the old names

    for revision in Revision.objects.filter(content_type=story_type).iterator():
        content = revision.content
        if isinstance(content, dict):
            new = renamed_content(content, renames)
            if new != content:
                Revision.objects.filter(pk=revision.pk).update(content=new)

    story_ids = StoryPage.objects.values_list("pk", flat=True)
    for comment in Comment.objects.filter(page_id__in=story_ids).iterator():
        path = renamed_path(comment.contentpath, renames)
        if path != comment.contentpath:
            Comment.objects.filter(pk=comment.pk).update(contentpath=path)

    for reference in ReferenceIndex.objects.filter(content_type=story_type).iterator():
        model_path = renamed_path(reference.model_path, renames)
        content_path = renamed_path(reference.content_path, renames)
        if (model_path, content_path) != (reference.model_path, reference.content_path):
            ReferenceIndex.objects.filter(pk=reference.pk).update(
                model_path=model_path,
                content_path=content_path,
                content_path_hash=uuid.uuid5(CONTENT_PATH_NAMESPACE, content_path),
            )


def forwards(apps, schema_editor):
    rename_stored_names(apps, RENAMES)


def backwards(apps, schema_editor):
    rename_stored_names(apps, {new: old for old, new in RENAMES.items()})


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
