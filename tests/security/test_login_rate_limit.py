"""Guessing passwords at /admin/login/ is slowed to a few tries per quarter of an hour."""

import pytest

from tests.community.helpers import PASSWORD, co_editor

pytestmark = pytest.mark.django_db


def _try(client, username, password, address="10.1.1.1"):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_the_sixth_wrong_password_is_refused_in_danish(client, settings):
    settings.LOGIN_RATE_LIMIT = 5
    user = co_editor(username="medredaktor-test")
    for _ in range(5):
        assert _try(client, user.username, "forkert").status_code == 200
    response = _try(client, user.username, "forkert-igen")
    assert response.status_code == 429
    assert "For mange forkerte forsøg" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_throttled_user_who_remembers_the_password_gets_in(client, settings):
    settings.LOGIN_RATE_LIMIT = 3
    user = co_editor(username="medredaktor-test")
    for _ in range(4):
        _try(client, user.username, "forkert")
    assert _try(client, user.username, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_one_address_guessing_at_many_usernames_is_stopped(client, settings):
    settings.LOGIN_RATE_LIMIT = 5
    settings.LOGIN_ADDRESS_RATE_LIMIT = 10
    user = co_editor(username="medredaktor-test")
    for n in range(10):
        assert _try(client, f"bruger-{n}", "forkert").status_code == 200
    response = _try(client, "bruger-11", "forkert")
    assert response.status_code == 429
    assert "fra din forbindelse" in response.content.decode()
    # From that address not even a right password gets in; from another it does.
    assert _try(client, user.username, PASSWORD).status_code == 429
    assert _try(client, user.username, PASSWORD, address="10.9.9.9").status_code == 302


def test_another_username_or_address_is_not_locked_out(client, settings):
    settings.LOGIN_RATE_LIMIT = 2
    user = co_editor(username="medredaktor-test")
    for _ in range(2):
        _try(client, "nogen-andre", "forkert")
    assert _try(client, "nogen-andre", "forkert").status_code == 429
    assert _try(client, user.username, PASSWORD).status_code == 302
    client.logout()
    assert _try(client, "nogen-andre", "forkert", address="10.9.9.9").status_code == 200


def test_a_successful_login_clears_the_count(client, settings):
    settings.LOGIN_RATE_LIMIT = 3
    user = co_editor(username="medredaktor-test")
    _try(client, user.username, "forkert")
    _try(client, user.username, "forkert")
    assert _try(client, user.username, PASSWORD).status_code == 302
    client.logout()
    _try(client, user.username, "forkert")
    _try(client, user.username, "forkert")
    assert _try(client, user.username, PASSWORD).status_code == 302
