"""Residents send stories, recipes and photos; everything waits for the secretariat."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model

from home.roles import SUBMITTED_IMAGES_COLLECTION
from stories.models import PhotoSubmission, StoryPage, StorySubmission
from tests.community.helpers import gps_exif, jpeg_upload, make_photo_call, secretariat
from tests.factories import story_index

pytestmark = pytest.mark.django_db

PERSON = {"name": "Fatima", "email": "fatima@example.dk", "consent": "on"}


def test_a_story_lands_as_a_draft_in_the_approval_workflow(client):
    story_index()
    response = client.post(
        "/fortael/",
        {"title": "Kaffe på trappen", "intro": "Naboerne mødes hver fredag.",
         "body": "Det startede med en termokande.\n\nNu kommer tyve.", **PERSON},
    )  # fmt: skip
    assert response.status_code == 302
    assert "vi har fået din historie" in client.get(response["Location"]).content.decode()
    page = StoryPage.objects.get(title="Kaffe på trappen")
    assert not page.live
    assert page.current_workflow_state.status == "in_progress"
    assert StorySubmission.objects.get(page=page).email == "fatima@example.dk"
    assert client.get(page.url or "/historier/kaffe-paa-trappen/").status_code == 404


def test_a_recipe_becomes_a_story_with_a_recipe_block(client):
    story_index()
    response = client.post(
        "/fortael/?type=opskrift",
        {"dish": "Mormors frikadeller", "servings": "4",
         "history": "Min mormor lavede dem hver søndag i Vejleåparken.",
         "ingredients": "500 g hakket svinekød\n1 løg\n2 æg", "steps": "Rør farsen.\nSteg dem.",
         **PERSON},
    )  # fmt: skip
    assert response.status_code == 302
    page = StoryPage.objects.get(title="Mad med historie: Mormors frikadeller")
    recipe = [b for b in page.get_latest_revision_as_object().body if b.block_type == "recipe"]
    assert list(recipe[0].value["ingredients"]) == ["500 g hakket svinekød", "1 løg", "2 æg"]
    assert StorySubmission.objects.get(page=page).kind == "opskrift"


def test_a_recipes_first_paragraph_is_its_lead_and_not_repeated_below_it(client):
    story_index()
    history = "Min mormor flyttede til Ishøj i 1971.\n\nHver søndag lavede hun frikadeller."
    client.post(
        "/fortael/?type=opskrift",
        {"dish": "Mormors frikadeller", "servings": "4", "history": history,
         "ingredients": "500 g fars", "steps": "Steg dem.", **PERSON},
    )  # fmt: skip
    page = StoryPage.objects.get(title="Mad med historie: Mormors frikadeller")
    draft = page.get_latest_revision_as_object()
    paragraphs = [str(b.value) for b in draft.body if b.block_type == "paragraph"]
    assert draft.intro == "Min mormor flyttede til Ishøj i 1971."
    assert paragraphs == ["<p>Hver søndag lavede hun frikadeller.</p>"]


def test_html_in_a_plain_text_field_is_refused_in_danish(client):
    story_index()
    response = client.post(
        "/fortael/",
        {"title": "<script>alert(1)</script>", "intro": "x", "body": "y", **PERSON},
    )
    assert response.status_code == 400
    assert "almindelig tekst uden HTML-koder" in response.content.decode()
    assert not StoryPage.objects.filter(title__contains="script").exists()


def test_a_photo_loses_its_gps_position_but_keeps_its_orientation(client):
    call = make_photo_call()
    # Orientation 6: the camera was turned; the stored pixels are 1200 wide, 900 high.
    upload = jpeg_upload(size=(1200, 900), exif=gps_exif(orientation=6))
    response = client.post(
        call.url,
        {"image": upload, "caption": "Solnedgang ved stranden", "photographer": "Lis H.",
         "consent": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    submission = PhotoSubmission.objects.get()
    assert submission.status == "afventer"
    assert submission.image.collection.name == SUBMITTED_IMAGES_COLLECTION
    with submission.image.file.open("rb") as f:
        stored = Image.open(io.BytesIO(f.read()))
        exif = stored.getexif()
        assert 0x8825 not in exif and not exif.get_ifd(0x8825)
        assert stored.size == (900, 1200)


def test_a_photo_shows_in_the_gallery_only_after_approval(client):
    call = make_photo_call()
    client.post(
        call.url,
        {"image": jpeg_upload(), "caption": "Sommerfest i Strandparken", "photographer": "Lis",
         "email": "lis@example.dk", "consent": "on"},
    )  # fmt: skip
    assert "Sommerfest i Strandparken" not in client.get(call.url).content.decode()
    photo = PhotoSubmission.objects.get()

    staff = client.__class__()
    staff.force_login(secretariat())
    response = staff.post(
        "/admin/faellesskab/billeder/", {"photo": photo.pk, "decision": "approve"}
    )
    assert response.status_code == 302

    html = client.get(call.url).content.decode()
    assert "Sommerfest i Strandparken" in html
    assert "Foto: Lis" in html
    assert "lis@example.dk" not in html


def test_a_file_that_is_not_an_image_is_refused(client):
    call = make_photo_call()
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("x.jpg", b"<?php echo 1; ?>", content_type="image/jpeg")
    response = client.post(
        call.url, {"image": fake, "caption": "x", "photographer": "y", "consent": "on"}
    )
    assert response.status_code == 400
    assert "kunne ikke læses som et billede" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_a_closed_photo_call_takes_no_photos(client):
    call = make_photo_call(is_open=False)
    response = client.post(
        call.url,
        {"image": jpeg_upload(), "caption": "x", "photographer": "y", "consent": "on"},
    )
    assert response.status_code == 400
    assert "Indkaldelsen er lukket" in response.content.decode()
    assert not PhotoSubmission.objects.exists()


def test_the_honeypot_answers_like_success_and_stores_nothing(client):
    story_index()
    response = client.post(
        "/fortael/", {"title": "Spam", "intro": "x", "body": "y", **PERSON, "firma": "ACME"}
    )
    assert response.status_code == 302
    assert not StorySubmission.objects.exists()


def test_too_many_submissions_from_one_client_are_slowed_down(client, settings):
    settings.COMMUNITY_FORM_RATE_LIMIT = 2
    story_index()
    for n in range(2):
        data = {"title": f"Historie {n}", "intro": "x", "body": "y", **PERSON}
        assert client.post("/fortael/", data).status_code == 302
    response = client.post("/fortael/", {"title": "Tredje", "intro": "x", "body": "y", **PERSON})
    assert response.status_code == 429
    assert "Prøv igen lidt senere" in response.content.decode()


def _posted_photo(client, upload):
    call = make_photo_call()
    response = client.post(
        call.url,
        {"image": upload, "caption": "Havnen i tåge", "photographer": "Lis", "consent": "on"},
    )
    assert response.status_code == 302
    with PhotoSubmission.objects.get().image.file.open("rb") as f:
        return f.read()


def test_a_jpeg_loses_its_comment_segment(client):
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 900), (10, 120, 200)).save(
        buffer, "JPEG", comment=b"Lis Hansen, Vejlebrovej 12, tlf 12345678"
    )
    buffer.seek(0)
    upload = SimpleUploadedFile("havn.jpg", buffer.getvalue(), content_type="image/jpeg")
    stored = _posted_photo(client, upload)
    assert b"Vejlebrovej" not in stored and b"\xff\xfe" not in stored  # no COM segment
    assert "comment" not in Image.open(io.BytesIO(stored)).info


def test_a_png_loses_its_text_chunks_but_keeps_its_transparency(client):
    from PIL.PngImagePlugin import PngInfo

    text = PngInfo()
    text.add_text("Author", "Lis Hansen, Vejlebrovej 12")
    text.add_itxt("Comment", "tlf 12345678", zip=True)
    image = Image.new("RGBA", (1200, 900), (10, 120, 200, 128))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", pnginfo=text)
    upload = SimpleUploadedFile("havn.png", buffer.getvalue(), content_type="image/png")
    stored = _posted_photo(client, upload)
    reopened = Image.open(io.BytesIO(stored))
    assert b"Vejlebrovej" not in stored and b"tEXt" not in stored and b"iTXt" not in stored
    assert not getattr(reopened, "text", {})
    assert reopened.mode == "RGBA" and reopened.getpixel((0, 0))[3] == 128
