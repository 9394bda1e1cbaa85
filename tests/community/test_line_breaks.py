"""A resident's text with a single line break: stored as rich text the editor
opens, keeping the line break; stored texts from before are repaired by the
data migration (stories 0011)."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client

from home.submissions import paragraphs
from stories.models import StoryPage
from tests.factories import make_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat():
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.create_superuser("sek", "s@example.dk", "x"))
    return client


def test_a_single_line_break_opens_in_the_editor_and_stays_a_line_break(secretariat):
    story = make_story(body=paragraphs("Vi mødtes i haven.\nBagefter spiste vi kage.\n\nTak!"))
    response = secretariat.get(f"/admin/pages/{story.pk}/edit/")
    assert response.status_code == 200
    assert "haven.\\\\nBagefter spiste vi kage." in response.content.decode()
    html = str(StoryPage.objects.get(pk=story.pk).body[0].value)
    assert "haven.<br/>Bagefter" in html


def test_the_migration_repairs_texts_stored_before(secretariat):
    story = make_story(body=[("paragraph", "<p>Første linje<br>Anden linje</p>")])
    assert secretariat.get(f"/admin/pages/{story.pk}/edit/").status_code == 500

    migration = importlib.import_module("stories.migrations.0012_resident_line_breaks")
    migration.forwards(apps, None)

    response = secretariat.get(f"/admin/pages/{story.pk}/edit/")
    assert response.status_code == 200
    assert "linje\\\\nAnden linje" in response.content.decode()
    assert secretariat.get(story.url).status_code == 200
