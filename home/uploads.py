"""Files residents upload: held back until the secretariat approves them.

Every image (or document) that comes in through a public form is stored in
the "Indsendte billeder" collection under a random name: the public API never
lists that collection, nothing public renders it, and the name tells nobody
who sent it or where it was taken (residents name files after people and
streets). Approval moves the file to "Godkendte borgerbilleder"; rejection
deletes it, and Wagtail removes the file and its renditions from storage.
"""

from __future__ import annotations

import os
from uuid import uuid4

from django.db.models import QuerySet
from wagtail.models import Collection

from home.roles import APPROVED_IMAGES_COLLECTION, SUBMITTED_IMAGES_COLLECTION

# Extensions a resident's file may keep; anything else becomes ".bin".
KNOWN_EXTENSIONS = {"jpg", "jpeg", "png", "webp", "pdf", "docx", "odt", "xlsx", "csv", "txt"}


def _collection(name: str) -> Collection:
    existing = Collection.objects.filter(name=name).first()
    if existing:
        return existing
    return Collection.get_first_root_node().add_child(name=name)


def pending_collection() -> Collection:
    """Where unmoderated uploads wait; never served publicly."""
    return _collection(SUBMITTED_IMAGES_COLLECTION)


def approved_collection() -> Collection:
    return _collection(APPROVED_IMAGES_COLLECTION)


def neutral_name(original: str | None) -> str:
    """A random file name with the original's extension (lower-cased), so the
    stored file and every URL to it say nothing about the resident."""
    extension = os.path.splitext(original or "")[1].lower().lstrip(".")
    if extension not in KNOWN_EXTENSIONS:
        extension = "bin"
    return f"{uuid4().hex}.{extension}"


def rename_upload(upload):
    """Give an uploaded file a neutral name before it is stored."""
    upload.name = neutral_name(getattr(upload, "name", ""))
    return upload


def without_pending(queryset: QuerySet) -> QuerySet:
    """Images or documents minus those still waiting for approval."""
    return queryset.exclude(collection__name=SUBMITTED_IMAGES_COLLECTION)


def is_pending(obj) -> bool:
    return obj is not None and obj.collection.name == SUBMITTED_IMAGES_COLLECTION


def release(obj) -> None:
    """The secretariat approved it: move it where the public may see it."""
    if is_pending(obj):
        obj.collection = approved_collection()
        obj.save(update_fields=["collection"])


def discard(obj) -> None:
    """The secretariat rejected it: delete it with its file and renditions."""
    if is_pending(obj):
        obj.delete()
