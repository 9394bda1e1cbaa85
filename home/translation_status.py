"""Whether a translation's Danish original has changed since it was translated,
and in which fields, so a translator sees what to bring over.

A translation is a copy of the original made at one moment (the "Oversæt"
action, wagtail.contrib.simple_translation); its first revision marks that
moment, or the moment it was last marked as brought up to date (the revision a
translator saves after reading the warning is not enough: the fields must be
compared). The original's revision from then is compared with its newest one,
field by field, over the fields an editor edits; in a field with prose the
changed sentences are shown before and after, words marked with Wagtail's own
diff (wagtail.admin.compare.diff_text), so a volunteer sees what to retranslate.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from django.db.models import CharField, TextField
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from wagtail.admin.compare import diff_text
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from home.languages import danish_original, default_language, page_language
from home.readability import field_text

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


@dataclass(frozen=True)
class Passage:
    """One changed passage of a field: the original's sentences before and now,
    each as HTML with the changed words marked (Wagtail's own word diff)."""

    before: str
    after: str


@dataclass(frozen=True)
class FieldChange:
    """One field of the original that changed, with what changed in its text;
    `passages` is empty for a field without prose (a picture, a date)."""

    label: str
    passages: list[Passage]
    more: int = 0
    """Changed passages left out to keep the warning short."""


@dataclass(frozen=True)
class OriginalChanges:
    """What changed in the Danish original since the translation was made,
    between two of its revisions (for Wagtail's own comparison view)."""

    original: Page
    fields: list[FieldChange]
    since_revision_id: int | None
    newest_revision_id: int

    @property
    def labels(self) -> list[str]:
        return [change.label for change in self.fields]


# Sentence ends inside a line: a full stop (or ! ? :) and a space before the next word.
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")
MAX_PASSAGES = 4
MAX_PASSAGE_CHARS = 400


def sentences(text: str) -> list[str]:
    """A text's sentences, as a translator retranslates them: each line, split
    after each full stop; blank lines dropped."""
    found = []
    for line in text.splitlines():
        found += [part.strip() for part in _SENTENCE_END.split(line) if part.strip()]
    return found


def _shorten(text: str) -> str:
    return text if len(text) <= MAX_PASSAGE_CHARS else text[: MAX_PASSAGE_CHARS - 1] + "…"


def _marked(changes: list[tuple[str, str]], kind: str, tag: str) -> str:
    """One side of a word diff as HTML: the words both sides share, and this
    side's own words inside `tag` (<del> before, <ins> now)."""
    parts = []
    for change, text in changes:
        if change == "equal":
            parts.append(escape(text))
        elif change == kind:
            parts.append(format_html("<{}>{}</{}>", tag, text, tag))
    return mark_safe("".join(parts))  # noqa: S308  (every part escaped above)


def changed_passages(before: str, after: str) -> list[Passage]:
    """The sentences that differ between two texts, paired where one replaced
    the other, each pair with the changed words marked."""
    old, new = sentences(before), sentences(after)
    passages = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        was, now = _shorten(" ".join(old[i1:i2])), _shorten(" ".join(new[j1:j2]))
        changes = diff_text(was, now).changes
        passages.append(
            Passage(
                before=_marked(changes, "deletion", "del"),
                after=_marked(changes, "addition", "ins"),
            )
        )
    return passages


def _prose(page, name: str) -> str | None:
    """A field's text as a reader reads it, or None for a field without prose."""
    field = type(page)._meta.get_field(name)
    if isinstance(field, StreamField | RichTextField | TextField | CharField):
        return field_text(page, name)
    return None


def _field_change(before_page, after_page, name: str) -> FieldChange:
    before, after = _prose(before_page, name), _prose(after_page, name)
    passages = [] if before is None or after is None else changed_passages(before, after)
    return FieldChange(
        label=_label(after_page, name),
        passages=passages[:MAX_PASSAGES],
        more=max(0, len(passages) - MAX_PASSAGES),
    )


def original_changes(translation) -> OriginalChanges | None:
    """What changed in the Danish original since `translation` was made, or
    None when nothing did or the page is Danish itself."""
    if page_language(translation) == default_language():
        return None
    original = danish_original(translation)
    if original is None:
        return None
    original = original.specific
    first = translation.revisions.order_by("created_at", "pk").first()
    if first is None:
        return None
    newest = original.revisions.order_by("-created_at", "-pk").first()
    if newest is None or newest.created_at <= first.created_at:
        return None
    then = (
        original.revisions.filter(created_at__lte=first.created_at)
        .order_by("-created_at", "-pk")
        .first()
    )
    if then is None:
        fields = [FieldChange(label=_label(original, "title"), passages=[])]
        return OriginalChanges(original, fields, None, newest.pk)
    before, after = then.content, newest.content
    names = [name for name in _editable_fields(original) if before.get(name) != after.get(name)]
    if not names:
        return None
    before_page, after_page = then.as_object(), newest.as_object()
    fields = [_field_change(before_page, after_page, name) for name in names]
    return OriginalChanges(original, fields, then.pk, newest.pk)
