"""Nothing a resident uploads is public before the secretariat approves it.

The residents' photo, event image and place suggestion are sent through the
public forms (tests/security/world.py); then every public URL of the URL
configuration and every API listing is read, and none may name the files.
"""

import os

import pytest
from wagtail.images import get_image_model

from home.roles import APPROVED_IMAGES_COLLECTION, SUBMITTED_IMAGES_COLLECTION
from stories.models import PhotoSubmission
from tests.community.helpers import secretariat
from tests.security.world import RESIDENT_FILE_NAMES, build_world, public_urls

pytestmark = pytest.mark.django_db

API_LISTINGS = (
    "/api/v2/images/?limit=100&fields=*",
    "/api/v2/documents/?limit=100&fields=*",
    "/api/v2/pages/?limit=100&fields=*",
    "/api/v2/pages/?type=stories.EventPage&fields=*",
    "/api/v2/pages/?type=locations.PlacePage&fields=*",
)


def _body(response) -> str:
    body = b"".join(response) if response.streaming else response.content
    return body.decode("utf-8", errors="replace")


def _pending_images():
    return list(get_image_model().objects.filter(collection__name=SUBMITTED_IMAGES_COLLECTION))


def _traces(image) -> list[str]:
    """What would give a pending image away: its stored name (renditions share
    its stem) and the resident's own file names."""
    stem = os.path.splitext(os.path.basename(image.file.name))[0]
    return [stem, *(os.path.splitext(n)[0] for n in RESIDENT_FILE_NAMES)]


def test_no_public_url_or_api_listing_shows_a_pending_upload(client):
    world = build_world()
    pending = _pending_images()
    assert len(pending) == 2  # the photo and the event suggestion's image
    # The secretariat opens its review page: renditions of the pending files now exist.
    staff = client.__class__()
    staff.force_login(secretariat())
    assert staff.get("/admin/faellesskab/billeder/").status_code == 200

    shown = []
    for url in public_urls(world) + list(API_LISTINGS):
        text = _body(client.get(url))
        for image in pending:
            shown += [f"{url}: {trace}" for trace in _traces(image) if trace in text]
    assert not shown, shown
    listed = client.get("/api/v2/images/?limit=100").json()["items"]
    assert not {item["id"] for item in listed} & {image.pk for image in pending}
    for image in pending:
        assert client.get(f"/api/v2/images/{image.pk}/").status_code == 404
        assert client.get(f"/api/v2/images/find/?id={image.pk}").status_code == 404


def test_a_stored_file_is_named_by_chance_not_by_the_resident():
    build_world()
    for image in _pending_images():
        name = os.path.basename(image.file.name).lower()
        assert not any(part in name for part in ("karen", "ole", "jensen", "vejlebrovej"))
        stem, extension = os.path.splitext(name)
        assert len(stem) == 32 and extension in (".jpg", ".png")


def test_approval_makes_a_photo_public_and_rejection_deletes_its_file(
    client, django_capture_on_commit_callbacks
):
    build_world()
    staff = client.__class__()
    staff.force_login(secretariat())
    photo = PhotoSubmission.objects.get(status="afventer")
    staff.post("/admin/faellesskab/billeder/", {"photo": photo.pk, "decision": "approve"})
    photo.refresh_from_db()
    assert photo.image.collection.name == APPROVED_IMAGES_COLLECTION
    listed = client.get("/api/v2/images/?limit=100").json()["items"]
    assert photo.image.pk in [item["id"] for item in listed]

    event_image = _pending_images()[0]
    path = event_image.file.path
    rendition = event_image.get_rendition("max-165x165").file.path
    from stories.models import EventSubmission

    page = EventSubmission.objects.get().page
    state = page.current_workflow_state
    # Wagtail deletes files once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.task.specific.on_action(
            state.current_task_state, secretariat(), "reject"
        )
    assert not get_image_model().objects.filter(pk=event_image.pk).exists()
    assert not os.path.exists(path) and not os.path.exists(rendition)


def test_rejecting_a_photo_removes_the_file(client, django_capture_on_commit_callbacks):
    build_world()
    staff = client.__class__()
    staff.force_login(secretariat())
    photo = PhotoSubmission.objects.get(status="afventer")
    path = photo.image.file.path
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            "/admin/faellesskab/billeder/", {"photo": photo.pk, "decision": "reject"}
        )
        # The resident follows the photo: the rejection asks for the reason first.
        assert response.status_code == 302 and "/svar/" in response["Location"]
        assert os.path.exists(path)
        response = staff.post(response["Location"], {"reason": "Billedet er uskarpt."})
    assert response.status_code == 302
    assert not os.path.exists(path)
    assert not PhotoSubmission.objects.filter(pk=photo.pk).exists()


def test_publishing_a_suggested_event_releases_its_image(client):
    build_world()
    from stories.models import EventSubmission

    page = EventSubmission.objects.get().page.specific
    page.save_revision().publish()
    page.image.refresh_from_db()
    assert page.image.collection.name == APPROVED_IMAGES_COLLECTION
    assert client.get(f"/api/v2/images/{page.image.pk}/").status_code == 200
