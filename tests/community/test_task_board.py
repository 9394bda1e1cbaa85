"""A resident signs up for a task in seconds and the board counts down."""

import threading
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection

from stories.community.signups import (
    SignupOutcome,
    confirm_signup,
    confirmation_token,
    sign_up_for_task,
)
from stories.models import TaskSignup
from tests.community.helpers import make_group

pytestmark = pytest.mark.django_db


def _signup(client, group, task, name="Karen", contact="karen@example.dk", consent="on"):
    data = {"name": name, "email" if "@" in contact else "phone": contact}
    if consent:
        data["consent"] = consent
    return client.post(f"{group.url}opgave/{task.pk}/", data)


def _confirm_link(email) -> str:
    link = urlsplit(next(line for line in email.body.splitlines() if "/bekraeft/" in line))
    return f"{link.path}?{link.query}".strip()


def _signup_and_confirm(client, group, task, **kwargs):
    assert _signup(client, group, task, **kwargs).status_code == 302
    return client.post(_confirm_link(mail.outbox[-1]))


def test_the_board_shows_how_many_hands_are_still_needed(client):
    group = make_group("Dyrk Ishøj", tasks=[("til at grille", 3)])
    task = group.tasks.get()
    html = client.get(group.url).content.decode()
    assert "3 til at grille" in html
    assert "Mangler 3 hænder" in html

    response = _signup(client, group, task)
    assert response.status_code == 302
    assert "Tjek din e-mail" in client.get(response["Location"]).content.decode()
    # Not confirmed yet: the place is still free.
    assert "Mangler 3 hænder" in client.get(group.url).content.decode()

    response = client.post(_confirm_link(mail.outbox[-1]))
    assert response["Content-Type"] == "text/html; charset=utf-8"
    confirmed = response.content.decode()
    assert "du er skrevet op" in confirmed
    assert "Der mangler stadig 2" in confirmed
    assert "Mangler 2 hænder" in client.get(group.url).content.decode()


def test_a_full_task_says_so_and_takes_no_more(client):
    group = make_group(tasks=[("en til plakater", 1)])
    task = group.tasks.get()
    _signup_and_confirm(client, group, task)
    response = _signup(client, group, task, name="Ole", contact="ole@example.dk")
    assert response.status_code == 409
    assert "Alle pladser er taget" in response.content.decode()
    assert TaskSignup.objects.count() == 1
    assert "Alle pladser er taget" in client.get(group.url).content.decode()


def test_sign_up_needs_explicit_consent(client):
    group = make_group(tasks=[("til at grille", 3)])
    response = _signup(client, group, group.tasks.get(), consent=None)
    assert response.status_code == 400
    assert "Sæt kryds for at give dit samtykke" in response.content.decode()
    assert not TaskSignup.objects.exists()


def test_a_contact_that_is_neither_an_email_nor_a_phone_number_is_refused(client):
    group = make_group(tasks=[("til at grille", 3)])
    response = _signup(client, group, group.tasks.get(), contact="spørg på biblioteket")
    assert response.status_code == 400
    assert "telefonnummer med mindst 8 cifre" in response.content.decode()
    assert not TaskSignup.objects.exists() and not mail.outbox


def test_neither_email_nor_phone_asks_for_one_of_them(client):
    group = make_group(tasks=[("til at grille", 3)])
    task = group.tasks.get()
    response = client.post(f"{group.url}opgave/{task.pk}/", {"name": "Karen", "consent": "on"})
    assert response.status_code == 400
    assert "Skriv din e-mail eller dit telefonnummer" in response.content.decode()
    assert not TaskSignup.objects.exists()


def test_a_volunteer_with_a_phone_and_no_email_is_confirmed_by_the_groups_contact(client):
    group = make_group("Dyrk Ishøj", tasks=[("til at grille", 2)])
    task = group.tasks.get()
    response = _signup(client, group, task, name="Else", contact="+45 22 33 44 55")
    assert response.status_code == 302
    thanks = client.get(response["Location"]).content.decode()
    assert "Gruppens kontaktperson i Dyrk Ishøj ringer eller skriver til dig" in thanks
    # The contact person gets the number and a link of their own; Else gets no mail.
    (email,) = mail.outbox
    assert email.to == ["birthe.hemmelig@example.dk"]
    assert email.subject == "Ring til Else og bekræft: til at grille"
    assert "+45 22 33 44 55" in email.body
    assert "Mangler 2 hænder" in client.get(group.url).content.decode()  # not yet taken

    link = _confirm_link(email)
    assert "Bekræft Elses tilmelding" in client.get(link).content.decode()
    confirmed = client.post(link).content.decode()
    assert "Else er skrevet op" in confirmed
    assert TaskSignup.objects.get().confirmed_at is not None
    assert "Mangler 1 hånd" in client.get(group.url).content.decode()


def test_the_confirmation_mail_is_danish_and_its_link_takes_one_click(client):
    group = make_group("Dyrk Ishøj", tasks=[("til at grille", 3)])
    task = group.tasks.get()
    _signup(client, group, task, contact="Karen@Example.dk")
    email = mail.outbox[-1]
    assert email.to == ["karen@example.dk"]
    assert email.subject == "Bekræft din tilmelding: til at grille"
    assert "Bekræft din tilmelding ved at åbne linket" in email.body
    link = _confirm_link(email)
    # Opening the link (as a mail scanner does) changes nothing.
    page = client.get(link).content.decode()
    assert "Bekræft din tilmelding" in page
    assert TaskSignup.objects.get().confirmed_at is None
    client.post(link)
    client.post(link)  # a second click changes nothing either
    assert TaskSignup.objects.get().confirmed_at is not None
    assert "Mangler 2 hænder" in client.get(group.url).content.decode()


def test_ten_unconfirmed_sign_ups_take_no_places(client, settings):
    settings.COMMUNITY_FORM_RATE_LIMIT = 20
    group = make_group(tasks=[("til at grille", 2)])
    task = group.tasks.get()
    for n in range(10):
        _signup(client, group, task, name=f"Falsk {n}", contact=f"falsk{n}@example.dk")
    assert "Mangler 2 hænder" in client.get(group.url).content.decode()
    _signup_and_confirm(client, group, task, name="Karen", contact="karen@example.dk")
    assert "Mangler 1 hånd" in client.get(group.url).content.decode()


def test_a_forged_or_foreign_link_is_refused(client):
    group = make_group(tasks=[("til at grille", 2)])
    task = group.tasks.get()
    response = client.post(f"{group.url}opgave/{task.pk}/bekraeft/?t=MQ:forfalsket:x")
    assert response.status_code == 400
    assert "Linket virker ikke" in response.content.decode()
    assert not TaskSignup.objects.filter(confirmed_at__isnull=False).exists()


def test_the_last_spot_goes_to_whoever_confirms_first():
    group = make_group(tasks=[("en til plakater", 1)])
    task = group.tasks.get()
    first = sign_up_for_task(task.pk, group.pk, "A", "a@example.dk")
    second = sign_up_for_task(task.pk, group.pk, "B", "b@example.dk")
    assert (first.outcome, second.outcome) == (SignupOutcome.PENDING, SignupOutcome.PENDING)
    assert confirm_signup(confirmation_token(second.signup)).outcome == SignupOutcome.TAKEN
    assert confirm_signup(confirmation_token(first.signup)).outcome == SignupOutcome.FULL


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_sign_ups_for_the_last_spot_do_not_both_succeed():
    if not settings.USES_POSTGRES:
        pytest.skip("Row locks need PostgreSQL; SQLite serialises writers by itself.")
    group = make_group(tasks=[("en til plakater", 1)])
    task = group.tasks.get()
    barrier = threading.Barrier(4)
    outcomes = []

    def attempt(n):
        try:
            barrier.wait()
            signup = TaskSignup.objects.create(task=task, name=f"P{n}", contact="p@example.dk")
            outcomes.append(confirm_signup(confirmation_token(signup)))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(o.outcome for o in outcomes).count(SignupOutcome.TAKEN) == 1
    assert TaskSignup.objects.filter(task=task, confirmed_at__isnull=False).count() == 1


def test_volunteer_sign_up_without_an_account(client):
    group = make_group("Cykling uden alder")
    index = group.get_parent().specific
    url = f"{index.url}giv-en-haand/"
    assert "Jeg vil gerne give en hånd" in client.get(url).content.decode()
    response = client.post(
        url,
        {"name": "Jens", "phone": "+45 11 22 33 44", "interests": "Cykler", "groups": [group.pk],
         "consent": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    assert "du er skrevet op" in client.get(response["Location"]).content.decode()


def test_the_contact_persons_email_and_phone_never_reach_the_public(client):
    group = make_group(contact_name="Birthe", tasks=[("til at grille", 2)])
    _signup(client, group, group.tasks.get(), name="Karen", contact="karen.frivillig@example.dk")
    html = client.get(group.url).content.decode()
    assert "Kontaktperson: Birthe" in html
    for secret in ("birthe.hemmelig@example.dk", "20 30 40 50", "karen.frivillig@example.dk"):
        assert secret not in html
    api = client.get(f"/api/v2/pages/{group.pk}/").content.decode()
    assert "birthe.hemmelig" not in api and "20 30 40 50" not in api


def test_the_confirmation_mail_is_plain_text_not_html(client):
    group = make_group("Børn & unge", tasks=[("kage til 'Sommerfest'", 3)])
    task = group.tasks.get()
    _signup(client, group, task, name="Seán O'Brien")
    email = mail.outbox[-1]
    assert "Seán O'Brien" in email.body
    assert "kage til 'Sommerfest'" in email.body
    assert "&#x27;" not in email.body and "&amp;" not in email.body
    assert email.subject == "Bekræft din tilmelding: kage til 'Sommerfest'"
    link = _confirm_link(email)
    assert "&amp;" not in link
