"""Configuration mistakes surface in `manage.py check`, not at publish time."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from tests.channels.helpers import add_channel, set_options


def check_ids(capsys):
    try:
        call_command("check")
    except SystemCheckError as error:
        return str(error)
    return capsys.readouterr().err + capsys.readouterr().out


def test_the_default_settings_pass(capsys, settings):
    assert "channels." not in check_ids(capsys)


@pytest.mark.parametrize(
    ("version", "check_id"), [("v99.0", "channels.E001"), ("v20.0", "channels.E002")]
)
def test_an_unknown_or_retired_graph_version_is_an_error(capsys, settings, version, check_id):
    settings.GRAPH_API_VERSION = version
    assert check_id in check_ids(capsys)


def test_a_page_token_without_its_page_id_is_an_error_of_the_facebook_backend(capsys, settings):
    set_options(settings, "facebook", TOKEN="token", PAGE_ID="")
    output = check_ids(capsys)
    assert "channels.facebook.E002" in output and "PAGE_ID is empty" in output


def test_a_version_in_the_graph_url_is_an_error(capsys, settings):
    set_options(settings, "instagram", API_URL="https://graph.facebook.com/v21.0")
    output = check_ids(capsys)
    assert "channels.instagram.E002" in output and "GRAPH_API_VERSION" in output


def test_an_option_the_backend_does_not_read_is_an_error(capsys, settings):
    set_options(settings, "detsker", TOKN="typo")
    output = check_ids(capsys)
    assert "channels.detsker.E001" in output and "'TOKN'" in output


def test_a_backend_that_cannot_be_loaded_is_an_error_not_a_crash(capsys, settings):
    add_channel(settings, "mastodon", {"BACKEND": "channels.platforms.nowhere.Backend"})
    output = check_ids(capsys)
    assert "channels.E010" in output and "'mastodon'" in output
