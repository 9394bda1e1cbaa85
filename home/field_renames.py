"""What Wagtail keeps under a page field's name, renamed with the field (used
by the stories and locations migrations that rename fields, with historical
models; like a migration, it must keep doing what it did when they were written).

A `RenameField` renames the column and nothing else, yet Wagtail stores the
field's name in more places, and an old name there loses the editor's work:

- revisions (drafts, scheduled publications, the history an editor reverts to)
  store the page as JSON keyed by field name: an old key would be ignored on
  publish or revert, and the page would go live without that field's content;
- comments on a field are anchored by its content path, in the comment table
  and in the revisions' copies of the comments;
- the reference index (an image's "Usage") names the field and hashes the path.
"""

import uuid

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


def rename_stored_names(apps, app_label: str, model_name: str, renames: dict[str, str]) -> None:
    """Rename the fields in `renames` (old → new) wherever Wagtail stored them
    for the pages of one type: revisions, comments and the reference index."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    Comment = apps.get_model("wagtailcore", "Comment")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    PageModel = apps.get_model(app_label, model_name)
    page_type = ContentType.objects.filter(app_label=app_label, model=model_name.lower()).first()
    if page_type is None:
        return  # a fresh database: nothing was stored under the old names
    # Filtered by the key, not the instance: when a migration is unapplied, the
    # historical models of the state it runs in may hold another ContentType class.

    for revision in Revision.objects.filter(content_type_id=page_type.pk).iterator():
        content = revision.content
        if isinstance(content, dict):
            new = renamed_content(content, renames)
            if new != content:
                Revision.objects.filter(pk=revision.pk).update(content=new)

    page_ids = PageModel.objects.values_list("pk", flat=True)
    for comment in Comment.objects.filter(page_id__in=page_ids).iterator():
        path = renamed_path(comment.contentpath, renames)
        if path != comment.contentpath:
            Comment.objects.filter(pk=comment.pk).update(contentpath=path)

    for reference in ReferenceIndex.objects.filter(content_type_id=page_type.pk).iterator():
        model_path = renamed_path(reference.model_path, renames)
        content_path = renamed_path(reference.content_path, renames)
        if (model_path, content_path) != (reference.model_path, reference.content_path):
            ReferenceIndex.objects.filter(pk=reference.pk).update(
                model_path=model_path,
                content_path=content_path,
                content_path_hash=uuid.uuid5(CONTENT_PATH_NAMESPACE, content_path),
            )
