"""Personal data: seen by few, exported and erased on request, purged on time."""

import json

import pytest

from stories.models import StorySubmission, TaskSignup, VolunteerSignup
from tests.community.helpers import co_editor, make_group, secretariat, user_in
from tests.factories import make_story

pytestmark = pytest.mark.django_db


def _signup(group, name, contact):
    return TaskSignup.objects.create(
        task=group.tasks.first(), name=name, contact=contact, consent=True
    )


def test_a_groups_contact_sees_only_their_own_groups_sign_ups(client):
    contact = user_in(None)
    mine = make_group("Dyrk Ishøj", tasks=[("til at grille", 3)], contact_user=contact)
    other = make_group("Centergruppen", tasks=[("en til plakater", 1)])
    _signup(mine, "Karen", "karen@example.dk")
    _signup(other, "Ole", "ole@example.dk")
    from django.contrib.auth.models import Permission

    contact.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(contact)
    html = client.get("/admin/faellesskab/tilmeldinger/").content.decode()
    assert "karen@example.dk" in html
    assert "ole@example.dk" not in html


def test_a_co_editor_sees_no_sign_ups(client):
    group = make_group(tasks=[("til at grille", 3)])
    _signup(group, "Karen", "karen@example.dk")
    client.force_login(co_editor())
    response = client.get("/admin/faellesskab/tilmeldinger/")
    assert response.status_code in (302, 403)
    assert b"karen@example.dk" not in response.content


def test_the_secretariat_exports_sign_ups_as_csv(client):
    group = make_group("Dyrk Ishøj", tasks=[("til at grille", 3)])
    _signup(group, "Karen", "karen@example.dk")
    client.force_login(secretariat())
    response = client.get("/admin/faellesskab/tilmeldinger/?format=csv")
    assert response["Content-Disposition"] == 'attachment; filename="tilmeldinger.csv"'
    text = response.content.decode()
    assert "gruppe,opgave,dato,navn,kontakt,tilmeldt" in text
    assert "Dyrk Ishøj,til at grille" in text and "karen@example.dk" in text


def test_a_residents_data_is_found_exported_and_erased_by_email(client):
    group = make_group(tasks=[("til at grille", 3)])
    _signup(group, "Karen", "Karen@Example.dk")
    VolunteerSignup.objects.create(name="Karen", contact="karen@example.dk", consent=True)
    draft = make_story(title="Kaffe på trappen", publish=False)
    StorySubmission.objects.create(
        page=draft, kind="historie", name="Karen", email="karen@example.dk", message="Ring gerne"
    )
    _signup(group, "Ole", "ole@example.dk")
    client.force_login(secretariat())

    exported = json.loads(
        client.get("/admin/faellesskab/persondata/?email=karen@example.dk&format=json").content
    )
    assert {row["kilde"] for row in exported} == {
        "Tilmelding til opgave", "Frivillig", "Indsendt historie/opskrift"
    }  # fmt: skip
    csv_text = client.get(
        "/admin/faellesskab/persondata/?email=karen@example.dk&format=csv"
    ).content.decode()
    assert "Kaffe på trappen" in csv_text

    client.post("/admin/faellesskab/persondata/", {"email": "karen@example.dk", "confirm": "ja"})
    assert not TaskSignup.objects.filter(contact__iexact="karen@example.dk").exists()
    assert not VolunteerSignup.objects.exists()
    submission = StorySubmission.objects.get()
    assert (submission.name, submission.email, submission.message) == ("", "", "")
    assert TaskSignup.objects.filter(contact="ole@example.dk").exists()


def test_the_clock_purges_daily():
    from cms.clock import JOBS

    assert any(j.command == "purge_personal_data" and j.minutes == 1440 for j in JOBS)


def _two_annas():
    group = make_group(tasks=[("til at grille", 5)])
    _signup(group, "Anna", "anna.berg@example.dk")
    _signup(group, "Anna", "anna.holm@example.dk")
    VolunteerSignup.objects.create(name="Anna", contact="anna.holm@example.dk", consent=True)


@pytest.mark.parametrize(
    "typed", ["Anna", "anna", "anna.berg", "@example.dk", "example.dk", "anna%", "*"]
)
def test_a_name_or_part_of_an_address_finds_and_erases_nothing(client, typed):
    _two_annas()
    client.force_login(secretariat())
    response = client.get("/admin/faellesskab/persondata/", {"email": typed})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Skriv en hel e-mailadresse" in html
    assert "anna.berg@example.dk" not in html and "anna.holm@example.dk" not in html
    exported = client.get("/admin/faellesskab/persondata/", {"email": typed, "format": "json"})
    assert exported.status_code == 400
    assert b"@example.dk</" not in exported.content and b"anna.holm" not in exported.content
    client.post("/admin/faellesskab/persondata/", {"email": typed, "confirm": "ja"})
    assert TaskSignup.objects.count() == 2 and VolunteerSignup.objects.count() == 1


def test_the_look_up_shows_what_it_found_per_source_before_erasing(client):
    _two_annas()
    client.force_login(secretariat())
    html = client.get(
        "/admin/faellesskab/persondata/", {"email": "  Anna.Holm@Example.DK "}
    ).content.decode()
    assert "<td>Tilmelding til opgave</td><td>1</td>" in html
    assert "<td>Frivillig</td><td>1</td>" in html
    assert "<td>Indsendt billede</td><td>0</td>" in html
    assert "anna.berg@example.dk" not in html
    # Nothing is gone until the secretariat confirms.
    assert TaskSignup.objects.count() == 2

    client.post(
        "/admin/faellesskab/persondata/", {"email": "ANNA.HOLM@example.dk", "confirm": "ja"}
    )
    assert list(TaskSignup.objects.values_list("contact", flat=True)) == ["anna.berg@example.dk"]
    assert not VolunteerSignup.objects.exists()


def test_a_residents_data_is_found_exported_and_erased_by_phone_number_however_written(client):
    group = make_group(tasks=[("til at grille", 3)])
    _signup(group, "Karen", "+45 12 34 56 78")
    VolunteerSignup.objects.create(name="Karen", contact="12345678", consent=True)
    _signup(group, "Karens nabo", "0045 12-34-56-79")  # one digit off: another person
    _signup(group, "Ole", "ole12345678@example.dk")
    client.force_login(secretariat())

    page = client.get("/admin/faellesskab/persondata/", {"email": "12 34 56 78"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "+45 12 34 56 78" in html and "Karens nabo" not in html and "ole12345678" not in html
    exported = json.loads(
        client.get("/admin/faellesskab/persondata/?email=%2B4512345678&format=json").content
    )
    assert {row["kilde"] for row in exported} == {"Tilmelding til opgave", "Frivillig"}
    assert client.get("/admin/faellesskab/persondata/", {"email": "1234"}).status_code == 400

    client.post("/admin/faellesskab/persondata/", {"email": "+45 12345678", "confirm": "ja"})
    assert not VolunteerSignup.objects.exists()
    assert list(TaskSignup.objects.values_list("name", flat=True).order_by("name")) == [
        "Karens nabo", "Ole"
    ]  # fmt: skip
