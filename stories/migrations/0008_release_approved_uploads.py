"""Residents' images approved before uploads were held back stay held back.

Until issue 17, approving a photo-call picture (or publishing a suggested
event) left its image in "Indsendte billeder", which was public then. Now that
collection is private and approval moves the image to "Godkendte
borgerbilleder" (home/uploads.py), so the pictures approved before the change
dropped out of /api/v2/images/ and out of every rendition. This moves exactly
those images: of approved photo submissions and of live suggested events.
Pending and rejected ones stay private.

The collection names are written out, not imported, so the migration keeps
doing what it did when it was written.
"""

from django.db import migrations

SUBMITTED = "Indsendte billeder"
APPROVED = "Godkendte borgerbilleder"
DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _approved_collection(Collection):
    existing = Collection.objects.filter(name=APPROVED).first()
    if existing:
        return existing
    # Treebeard's API is not available on historical models: add the child by hand
    # (as home/migrations/0003_roles.py does for "Indsendte billeder").
    root = Collection.objects.filter(depth=1).order_by("path").first()
    last = Collection.objects.filter(depth=2, path__startswith=root.path).order_by("-path").first()
    step = int(last.path[-4:], 36) + 1 if last else 1
    suffix = ""
    for _ in range(4):
        step, rest = divmod(step, 36)
        suffix = DIGITS[rest] + suffix
    collection = Collection.objects.create(
        name=APPROVED, path=root.path + suffix, depth=2, numchild=0
    )
    root.numchild += 1
    root.save(update_fields=["numchild"])
    return collection


def release_approved_uploads(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Image = apps.get_model("wagtailimages", "Image")
    PhotoSubmission = apps.get_model("stories", "PhotoSubmission")
    EventSubmission = apps.get_model("stories", "EventSubmission")
    EventPage = apps.get_model("stories", "EventPage")

    photos = PhotoSubmission.objects.filter(status="godkendt").values_list("image_id", flat=True)
    live_suggestions = EventSubmission.objects.filter(page__live=True).values_list(
        "page_id", flat=True
    )
    events = EventPage.objects.filter(
        pk__in=list(live_suggestions), image__isnull=False
    ).values_list("image_id", flat=True)
    held_back = Image.objects.filter(
        pk__in=[*photos, *events], collection__name=SUBMITTED
    )
    if held_back.exists():
        held_back.update(collection=_approved_collection(Collection))


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0007_tasksignup_confirmed_at"),
        ("home", "0003_roles"),
    ]

    operations = [
        migrations.RunPython(release_approved_uploads, migrations.RunPython.noop),
    ]
