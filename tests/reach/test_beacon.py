import pytest
from django.contrib.auth.models import User

from tests.factories import make_story

pytestmark = pytest.mark.django_db


def test_an_anonymous_reader_of_a_story_gets_the_counting_script(client):
    story = make_story()
    html = client.get(story.url).content.decode()
    assert "js/reach.js" in html and f'data-p="{story.pk}"' in html


def test_a_logged_in_editor_is_not_counted(client):
    story = make_story()
    client.force_login(User.objects.create_superuser("redaktor", password="x"))
    assert "js/reach.js" not in client.get(story.url).content.decode()


def test_a_preview_is_not_counted(client):
    story = make_story()
    client.force_login(User.objects.create_superuser("redaktor", password="x"))
    preview = client.get(f"/admin/pages/{story.pk}/edit/preview/")
    assert "js/reach.js" not in preview.content.decode()


def test_the_script_is_under_one_kilobyte():
    from django.contrib.staticfiles import finders

    with open(finders.find("js/reach.js"), "rb") as f:
        assert len(f.read()) < 1024
