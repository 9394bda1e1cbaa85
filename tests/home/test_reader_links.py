"""Links on a page read in another language lead to the target's translation
where it exists, else to the Danish page inside the reader's language (marked
`hreflang="da"`), never out of the reader's language to a bare Danish URL."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.community.helpers import make_group
from tests.factories import make_story
from tests.locations.helpers import make_place, map_page
from tests.stories.event_factories import make_event
from tests.stories.language_factories import languages, translated  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def _links(html: str, text: str) -> list[str]:
    """The opening <a> tag of every link whose text contains `text`."""
    return [m.group(1) for m in re.finditer(r"(<a [^>]*>)(?:(?!</a>).)*" + re.escape(text), html)]


def _arabic(page, title):
    version = translated(page, "ar")
    version.title = title
    version.save_revision().publish()
    return version


def test_an_event_links_its_stories_in_the_readers_language(client, languages):  # noqa: F811
    told = make_story(title="Bænken ved stranden", slug="baenken")
    untold = make_story(title="Koret synger", slug="koret")
    arabic_story = _arabic(told, "المقعد على الشاطئ")
    event = make_event(title="Loppemarked", slug="loppemarked")
    event.stories.set([told, untold])
    event.save_revision().publish()

    html = client.get("/ar/det-sker/loppemarked/").content.decode()
    # The translated story: its Arabic title and address, nothing marked Danish.
    (link,) = _links(html, "المقعد على الشاطئ")
    assert f'href="{arabic_story.url}"' in link and arabic_story.url.startswith("/ar/")
    assert "hreflang" not in link
    # The untranslated one: Danish, inside the Arabic chrome, marked as Danish.
    (link,) = _links(html, "Koret synger")
    assert 'href="/ar/historier/koret/"' in link and 'hreflang="da"' in link
    assert re.search(r'<li lang="da" dir="ltr"><a href="/ar/historier/koret/"', html)


def test_an_untranslated_groups_forms_stay_in_the_readers_language(client, languages):  # noqa: F811
    group = make_group(title="Strikkeklubben", slug="strik", tasks=[("Bage kage", 2)])
    translated(group.get_parent().specific, "ar")
    task = group.tasks.first()

    html = client.get("/ar/grupper/strik/").content.decode()
    assert f'href="/ar/grupper/strik/opgave/{task.pk}/"' in html
    assert 'action="/ar/grupper/strik/skriv/"' in html
    assert 'href="/grupper/strik/' not in html


def test_a_link_in_rich_text_follows_the_readers_language(client, languages):  # noqa: F811
    told = make_story(title="Bænken ved stranden", slug="baenken")
    untold = make_story(title="Koret synger", slug="koret")
    arabic_told = _arabic(told, "المقعد على الشاطئ")
    body = [
        (
            "paragraph",
            f'<p>Læs <a linktype="page" id="{told.pk}">om bænken</a> og '
            f'<a linktype="page" id="{untold.pk}">om koret</a>.</p>',
        )
    ]
    story = make_story(title="Sommer", slug="sommer", body=body)
    _arabic(story, "الصيف")

    html = client.get("/ar/historier/sommer/").content.decode()
    (to_told,) = _links(html, "om bænken")
    assert f'href="{arabic_told.url}"' in to_told and "hreflang" not in to_told
    (to_untold,) = _links(html, "om koret")
    assert 'href="/ar/historier/koret/"' in to_untold and 'hreflang="da"' in to_untold
    # Danish readers keep the Danish addresses.
    html = client.get("/historier/sommer/").content.decode()
    assert 'href="/historier/baenken/"' in _links(html, "om bænken")[0]


def test_the_map_lists_each_place_in_the_readers_language(client, languages):  # noqa: F811
    translated(map_page(), "ar")
    beach = make_place(title="Strandparken", slug="strandparken")
    make_place(title="Biblioteket", slug="biblioteket")
    arabic_beach = _arabic(beach, "حديقة الشاطئ")

    html = client.get("/ar/kort/").content.decode()
    (link,) = _links(html, "حديقة الشاطئ")
    assert f'href="{arabic_beach.url}"' in link
    (link,) = _links(html, "Biblioteket")
    assert 'href="/ar/kort/biblioteket/"' in link and 'hreflang="da"' in link
    assert _links(html, "Strandparken") == []  # the Danish title is not listed


def test_no_public_template_links_to_a_page_past_the_readers_language():
    """Wagtail's pageurl and routablepageurl give a Danish page its Danish address
    in any language; the site's templates use reader_url / reader_routable_url."""
    templates = Path(settings.BASE_DIR) / "templates"
    found = [
        str(path.relative_to(templates))
        for path in templates.rglob("*.html")
        if "wagtailadmin" not in path.parts
        and re.search(r"\{%\s*(pageurl|routablepageurl|fullpageurl)\s", path.read_text())
    ]
    assert found == []
