"""Whether a translation's Danish original has changed since it was translated,
and in which fields, so a translator sees what to bring over.

A translation is a copy of the original made at one moment (the "Oversæt"
action, wagtail.contrib.simple_translation); its first revision marks that
moment, or the moment it was last marked as brought up to date (the revision a
translator saves after reading the warning is not enough: the fields must be
compared). The original's revision from then is compared with its newest one,
field by field, over the fields an editor edits.
"""

from __future__ import annotations

from home.languages import danish_original, default_language, page_language

# Revision keys that change without an editor changing the text.
_NOT_CONTENT = {
    "slug",
    "seo_title",
    "search_description",
    "go_live_at",
    "expire_at",
    "show_in_menus",
    "comment_notifications",
}


def _editable_fields(page) -> list[str]:
    form_class = type(page).get_edit_handler().get_form_class()
    return [
        name
        for name in (form_class._meta.fields or [])
        if name not in _NOT_CONTENT and name in {f.name for f in type(page)._meta.get_fields()}
    ]


def _label(page, name: str) -> str:
    field = type(page)._meta.get_field(name)
    return str(getattr(field, "verbose_name", name)).capitalize()


def original_changes(translation) -> list[str]:
    """The Danish original's changed fields (labels) since `translation` was
    made, or [] when it has not changed or the page is Danish itself."""
    if page_language(translation) == default_language():
        return []
    original = danish_original(translation)
    if original is None:
        return []
    original = original.specific
    first = translation.revisions.order_by("created_at", "pk").first()
    if first is None:
        return []
    newest = original.revisions.order_by("-created_at", "-pk").first()
    if newest is None or newest.created_at <= first.created_at:
        return []
    then = (
        original.revisions.filter(created_at__lte=first.created_at)
        .order_by("-created_at", "-pk")
        .first()
    )
    if then is None:
        return [_label(original, "title")]
    before, after = then.content, newest.content
    return [
        _label(original, name)
        for name in _editable_fields(original)
        if before.get(name) != after.get(name)
    ]
