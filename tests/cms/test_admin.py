import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


def test_admin_speaks_danish(client):
    user = get_user_model().objects.create_superuser("sekretariat", "s@example.dk", "pw")
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert '<html lang="da"' in html
    assert "Gå til hovedindhold" in html and "Forhåndsvis" in html


def test_story_editor_has_danish_labels(client):
    from tests.factories import story_index

    index = story_index()
    user = get_user_model().objects.create_superuser("sekretariat", "s@example.dk", "pw")
    client.force_login(user)
    html = client.get(f"/admin/pages/add/stories/storypage/{index.pk}/").content.decode()
    for label in ("Manchet", "Hovedbillede", "Alternativ tekst til hovedbilledet", "Brødtekst"):
        assert label in html, label
