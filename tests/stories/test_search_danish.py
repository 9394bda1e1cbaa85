import pytest
from django.conf import settings

from tests.factories import make_story

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.skipif(
        not settings.USES_POSTGRES,
        reason="Danish stemming is PostgreSQL full-text search; this run uses SQLite "
        "(the PostgreSQL pass of .ci/run covers it).",
    ),
]


def test_search_matches_danish_word_forms(client):
    """A resident who types "byhaverne" finds the story about "byhaver"."""
    make_story(title="Dyrk Ishøj", intro="Naboer anlægger byhaver mellem blokkene.")
    make_story(title="Café Solstrålen", intro="Kaffe og kage hver tirsdag.")
    html = client.get("/search/?query=byhaverne").content.decode()
    assert "Dyrk Ishøj" in html
    assert "Café Solstrålen" not in html
