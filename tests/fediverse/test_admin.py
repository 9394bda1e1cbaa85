"""The secretariat sees the followers per actor and blocks a domain in the admin."""

import pytest
from django.contrib.auth.models import Group

from channels.fediverse.models import BlockedDomain, Follower
from home.roles import SEKRETARIAT
from tests.factories import home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretary(django_user_model):
    user = django_user_model.objects.create_user("sekretaer", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=SEKRETARIAT))
    return user


def follow(n, domain="social.example", actor="events"):
    return Follower.objects.create(
        actor=actor,
        account_uri=f"https://{domain}/users/u{n}",
        inbox=f"https://{domain}/users/u{n}/inbox",
        domain=domain,
    )


def test_the_dashboard_counts_followers_per_actor(client, secretary, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://voresishoj.example"
    home_page()
    for n in range(3):
        follow(n)
    follow(9, actor="stories")
    client.force_login(secretary)

    page = client.get("/admin/").content.decode()

    assert "@detsker@voresishoj.example</strong>: 3 følgere" in page
    assert "@historier@voresishoj.example</strong>: 1 følgere" in page


def test_blocking_a_domain_in_the_admin_removes_its_followers(client, secretary):
    follow(1, "spam.example")
    follow(2, "eu.spam.example")
    follow(3, "venlig.example")
    client.force_login(secretary)

    answer = client.post(
        "/admin/snippets/fediverse/blockeddomain/add/",
        {"domain": "Spam.Example", "reason": "Reklamer"},
    )

    assert answer.status_code == 302
    assert BlockedDomain.objects.get().domain == "spam.example"
    assert list(Follower.objects.values_list("domain", flat=True)) == ["venlig.example"]
    listing = client.get("/admin/snippets/fediverse/follower/").content.decode()
    assert "https://venlig.example/users/u3" in listing
    assert "https://spam.example/users/u1" not in listing


def test_a_domain_written_wrong_gets_a_danish_error(client, secretary):
    client.force_login(secretary)
    answer = client.post(
        "/admin/snippets/fediverse/blockeddomain/add/", {"domain": "@bad user@\x01", "reason": ""}
    )
    assert answer.status_code == 200
    assert "Skriv kun domænet" in answer.content.decode()
    assert not BlockedDomain.objects.exists()
