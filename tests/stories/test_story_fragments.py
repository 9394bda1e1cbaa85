"""A story's header and body are rendered once per published version and
reused; what a reader sees must still follow every change at once."""

import pytest

from tests.factories import make_story

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def rendered_every_time(settings):
    """The whole-page cache in front keeps pages for minutes and is purged on
    its own rules (the page, its listings, the feeds); these tests are about
    what the page renders, as it does whenever that cache misses. An editor's
    preview carries their session, which the page cache never answers."""
    settings.PAGE_CACHE_SECONDS = 0


def _body(client, story) -> str:
    return client.get(story.url).content.decode()


def test_an_editor_publishes_new_text_and_readers_see_it_at_once(
    client, django_capture_on_commit_callbacks
):
    story = make_story(title="Fællesspisning i Vejleåparken", intro="Vi spiste sammen.")
    assert "Vi spiste sammen." in _body(client, story)
    assert "Vi spiste sammen." in _body(client, story)  # the second view reuses the body

    story.intro = "Vi spiste og sang sammen."
    story.body = [("paragraph", "<p>Næste gang tager vi guitaren med.</p>")]
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()

    html = _body(client, story)
    assert "Vi spiste og sang sammen." in html
    assert "Næste gang tager vi guitaren med." in html
    assert "Vi spiste sammen." not in html


def test_a_link_in_the_body_follows_the_linked_story_when_it_is_renamed(
    client, django_capture_on_commit_callbacks
):
    linked = make_story(title="Strandrensning", slug="strandrensning")
    story = make_story(
        body=[
            (
                "paragraph",
                f'<p>Læs om <a linktype="page" id="{linked.pk}">strandrensningen</a>.</p>',
            )
        ]
    )
    assert 'href="/historier/strandrensning/"' in _body(client, story)

    linked.slug = "strandrensning-2026"
    with django_capture_on_commit_callbacks(execute=True):
        linked.save_revision().publish()

    html = _body(client, story)
    assert 'href="/historier/strandrensning-2026/"' in html
    assert 'href="/historier/strandrensning/"' not in html


def test_a_newly_published_story_shows_under_more_stories_at_once(
    client, django_capture_on_commit_callbacks
):
    story = make_story(title="Bænken ved søen")
    assert "Nyt liv i Strandparken" not in _body(client, story)

    with django_capture_on_commit_callbacks(execute=True):
        make_story(title="Nyt liv i Strandparken")

    more = _body(client, story).split('id="flere"')[1]
    assert "Nyt liv i Strandparken" in more


def test_a_preview_shows_the_draft_and_readers_keep_the_published_text(client):
    story = make_story(intro="Den udgivne manchet.")
    assert "Den udgivne manchet." in _body(client, story)

    story.intro = "Kladdens manchet."
    preview = story.make_preview_request()

    assert "Kladdens manchet." in preview.content.decode()
    assert "Den udgivne manchet." in _body(client, story)
    assert "Kladdens manchet." not in _body(client, story)


def test_a_renamed_partner_shows_on_the_story_page_at_once(client):
    """The partners are part of the story's kept fragment; a partner is a
    snippet shared by many stories, so saving it retires the fragments."""
    from tests.factories import make_partner

    partner = make_partner("Ishøj Idrætsforening", kind="forening")
    story = make_story(partners=[partner])
    assert "Ishøj Idrætsforening" in _body(client, story)
    assert "Ishøj Idrætsforening" in _body(client, story)  # the kept fragment
    partner.name = "Ishøj IF"
    partner.save()
    html = _body(client, story)
    assert "Ishøj IF" in html
    assert "Ishøj Idrætsforening" not in html


def test_a_story_given_a_password_leaves_more_stories_at_once(client):
    """The "Flere historier" fragment is kept per generation; a restriction added to
    a story shown there retires it, so its teaser is not shown to readers."""
    from wagtail.models import PageViewRestriction

    story = make_story(title="Bænken ved søen")
    private = make_story(title="Kun for bestyrelsen")
    assert "Kun for bestyrelsen" in _body(client, story).split('id="flere"')[1]
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type="password", password="x"
    )
    assert "Kun for bestyrelsen" not in _body(client, story)
    restriction.delete()
    assert "Kun for bestyrelsen" in _body(client, story).split('id="flere"')[1]
