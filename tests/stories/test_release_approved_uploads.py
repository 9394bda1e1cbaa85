"""Residents' pictures approved before uploads were held back come back to the API.

The data migration's function (stories 0008) runs on rows made as they were
left before the change (approved images still in "Indsendte billeder"). The
schema is not taken back to 0007: the pages are made by today's models, which
a later migration (stories 0013 renamed a story's picture) no longer fits to
the old tables.
"""

import importlib

import pytest
from django.apps import apps
from wagtail.images import get_image_model

from home import uploads
from home.roles import APPROVED_IMAGES_COLLECTION, SUBMITTED_IMAGES_COLLECTION
from stories.models import EventSubmission, PhotoSubmission
from tests.community.helpers import make_photo_call
from tests.factories import make_image
from tests.stories.event_factories import make_event

pytestmark = pytest.mark.django_db(transaction=True)

MIGRATION = importlib.import_module("stories.migrations.0008_release_approved_uploads")


def held_back_image():
    """An image where every resident's upload was left before approval moved it."""
    image = make_image()
    image.collection = uploads.pending_collection()
    image.save()
    return image


def photo(call, status):
    return PhotoSubmission.objects.create(
        call=call, image=held_back_image(), caption=f"Billede ({status})",
        photographer="Karen", consent=True, status=status,
    )  # fmt: skip


def suggested_event(live):
    image = held_back_image()
    event = make_event(publish=False, image=image, image_alt="Borde i parken")
    EventSubmission.objects.create(page=event, name="Ole", email="ole@example.dk")
    if live:
        event.get_latest_revision().publish()
        image.collection = uploads.pending_collection()  # where the old code left it
        image.save()
        event.refresh_from_db()
    assert event.live == live
    return event


def collection_of(image_id):
    return get_image_model().objects.get(pk=image_id).collection.name


def listed_ids(client):
    return {item["id"] for item in client.get("/api/v2/images/?limit=100").json()["items"]}


def test_approved_pictures_become_public_and_the_rest_stays_private(client):
    call = make_photo_call()
    approved, pending, rejected = (photo(call, s) for s in ("godkendt", "afventer", "afvist"))
    published_event, waiting_event = suggested_event(live=True), suggested_event(live=False)
    assert not listed_ids(client) & {approved.image_id, published_event.image_id}

    MIGRATION.release_approved_uploads(apps, None)

    for image_id in (approved.image_id, published_event.image_id):
        assert collection_of(image_id) == APPROVED_IMAGES_COLLECTION
    for image_id in (pending.image_id, rejected.image_id, waiting_event.image_id):
        assert collection_of(image_id) == SUBMITTED_IMAGES_COLLECTION
    listed = listed_ids(client)
    assert {approved.image_id, published_event.image_id} <= listed
    assert not listed & {pending.image_id, rejected.image_id, waiting_event.image_id}
