"""Configuration mistakes surface in `manage.py check`, not at publish time."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError


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


def test_a_page_token_without_its_page_id_is_an_error(capsys, settings):
    settings.FACEBOOK_PAGE_TOKEN = "token"
    settings.FACEBOOK_PAGE_ID = ""
    output = check_ids(capsys)
    assert "channels.E003" in output and "FACEBOOK_PAGE_ID is empty" in output


def test_a_version_in_the_graph_url_is_an_error(capsys, settings):
    settings.INSTAGRAM_API_URL = "https://graph.facebook.com/v21.0"
    assert "GRAPH_API_VERSION" in check_ids(capsys)
