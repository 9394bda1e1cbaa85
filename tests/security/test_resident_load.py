"""A resident cannot cost the server more than a resident should.

An image that decodes into gigabytes is refused from its header, and every
public form counts every post towards a per-client limit, valid or not.
"""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model

from locations.models import PlaceSuggestion
from stories.models import EventPage, PhotoSubmission, StoryPage
from tests.community.helpers import group_index, make_group, make_photo_call
from tests.factories import story_index
from tests.locations.helpers import make_place, map_page
from tests.stories.event_factories import event_index

pytestmark = pytest.mark.django_db

BOMB_MESSAGE = "Billedet har for mange pixels. Det må højst have 30 millioner pixels."


def png_bomb(width=10_000, height=10_000) -> SimpleUploadedFile:
    """A real, valid grey PNG of width × height pixels that is a few hundred KB
    on disk and would take a gigabyte to decode (as the probe's file did)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    compressor = zlib.compressobj(9)
    row = b"\0" * (width + 1)  # filter byte + one byte per pixel
    data = b"".join(compressor.compress(row * 100) for _ in range(height // 100))
    data += compressor.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    return SimpleUploadedFile("bombe.png", png, content_type="image/png")


def event_form(**extra):
    from tests.stories.test_event_submission import valid_data

    return valid_data(**extra)


def test_a_decompression_bomb_is_refused_on_the_event_form_in_danish(client):
    """10,000 × 10,000 pixels in a few hundred KB: Pillow's own limit (home.apps,
    twice IMAGE_MAX_PIXELS) refuses it from the header in Image.open."""
    event_index()
    bomb = png_bomb()
    assert len(bomb) < 500_000
    data = event_form(image_alt="Et billede", image_rights="on")
    response = client.post("/det-sker/foreslaa/", {**data, "image": bomb})

    assert response.status_code == 400
    html = response.content.decode()
    assert BOMB_MESSAGE in html
    assert 'value="Suppe og sang i Vejleåparken"' in html  # nothing typed is lost
    assert not EventPage.objects.exists() and not get_image_model().objects.exists()


def test_an_image_over_the_pixel_limit_is_refused_on_a_photo_call_with_its_size(client):
    """Under twice the limit Pillow opens the header, and our check names the size."""
    call = make_photo_call()
    response = client.post(
        call.url,
        {"image": png_bomb(7000, 7000), "caption": "Stranden", "photographer": "Ali",
         "consent": "on"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "Billedet har for mange pixels (7000 × 7000). Det må højst have 30 millioner" in (
        response.content.decode()
    )
    assert not PhotoSubmission.objects.exists()


# Each public form, with what an invalid post to it looks like.
def _event():
    event_index()
    return "/det-sker/foreslaa/", event_form(title="")


def _story():
    story_index()
    return "/fortael/", {"title": "", "intro": "x", "body": "y"}


def _photo():
    return make_photo_call().url, {"caption": "", "photographer": "", "consent": ""}


def _volunteer():
    index = group_index()
    return index.url + index.reverse_subpage("volunteer"), {"name": ""}


def _task_signup():
    group = make_group(tasks=[("Kaffe til loppemarkedet", 2)])
    task = group.tasks.first()
    return group.url + group.reverse_subpage("task_signup", args=[task.pk]), {"name": ""}


def _place():
    map_page()
    return "/kort/foreslaa/", {"name": "", "description": "kort"}


def _correction():
    place = make_place(title="Legepladsen i Vejleåparken")
    return f"/kort/foreslaa/rettelse/{place.pk}/", {"message": ""}


FORMS = {
    "event": (_event, "EVENT_SUBMISSION_RATE_LIMIT"),
    "story": (_story, "COMMUNITY_FORM_RATE_LIMIT"),
    "photo": (_photo, "COMMUNITY_FORM_RATE_LIMIT"),
    "volunteer": (_volunteer, "COMMUNITY_FORM_RATE_LIMIT"),
    "task-signup": (_task_signup, "COMMUNITY_FORM_RATE_LIMIT"),
    "place": (_place, "PLACE_FORM_RATE_LIMIT"),
    "correction": (_correction, "PLACE_FORM_RATE_LIMIT"),
}


@pytest.mark.parametrize("form", FORMS)
def test_invalid_posts_count_towards_the_limit(client, settings, form):
    make, setting = FORMS[form]
    url, invalid = make()
    setattr(settings, setting, 3)

    answers = [client.post(url, invalid).status_code for _ in range(4)]

    assert 429 not in answers[:3], answers
    assert answers[3] == 429
    assert "Prøv igen lidt senere" in client.post(url, invalid).content.decode()
    # Another address is not affected.
    assert client.post(url, invalid, REMOTE_ADDR="10.9.9.9").status_code != 429


def test_the_limit_keeps_what_was_typed_and_creates_nothing(client, settings):
    map_page()
    settings.PLACE_FORM_RATE_LIMIT = 1
    client.post("/kort/foreslaa/", {"name": ""})
    from locations.models import PlaceCategory

    data = {
        "name": "Bålpladsen ved søen",
        "category": PlaceCategory.objects.create(name="Natur", slug="natur").pk,
        "address": "Ishøj Sø",
        "description": "En bålplads med shelter og brænde i skuret ved søen.",
    }
    response = client.post("/kort/foreslaa/", data)
    assert response.status_code == 429
    assert 'value="Bålpladsen ved søen"' in response.content.decode()
    assert not PlaceSuggestion.objects.exists()
    assert not StoryPage.objects.exists()


def test_a_valid_image_still_goes_through(client):
    """The limit is on pixels, not on ordinary photos."""
    from PIL import Image

    event_index()
    buffer = io.BytesIO()
    Image.new("RGB", (4000, 3000), (20, 90, 160)).save(buffer, "JPEG")
    image = SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")
    data = event_form(image_alt="Søen", image_rights="on")
    assert client.post("/det-sker/foreslaa/", {**data, "image": image}).status_code == 302
