"""What a page shares (home.sharing): the same names on every page type, and
a story's topics and an event's categories both said as the post's hashtags."""

from dataclasses import replace

import pytest

from channels.admin.where import fix_place
from channels.fediverse.models import Activity
from channels.http import PlatformError
from channels.platforms.base import PostRecord
from channels.registry import get_channel
from channels.rendering import render_page
from tests.factories import make_image, make_story
from tests.stories.event_factories import make_category, make_event

pytestmark = pytest.mark.django_db


def test_a_storys_topics_and_an_events_categories_both_become_hashtags():
    story = make_story(tags=["mad og fællesskab", "ældre"])
    event = make_event(categories=[make_category("Natur og udeliv")])
    facebook = get_channel("facebook")

    assert render_page(story, facebook).hashtags == ("#VoresIshøj", "#MadOgFællesskab", "#Ældre")
    assert render_page(event, facebook).hashtags == ("#VoresIshøj", "#NaturOgUdeliv")
    # Each points the editor at its own field to change them.
    assert story.shared_content().fields["tags"] == "tags"
    assert event.shared_content().fields["tags"] == "categories"


def test_a_refusal_of_the_picture_or_its_alt_text_links_to_the_field_on_every_page_type():
    story = make_story(image_alt="Naboer ved et langbord")
    event = make_event(image=make_image("Langbord"), image_alt="Et dækket langbord")
    instagram = get_channel("instagram")  # it posts the picture, so it checks it

    for page, heading in ((story, "Hovedbillede"), (event, "Billede")):
        post = render_page(page, instagram)
        assert (post.image_field, post.image_alt_field) == ("image", "image_alt")
        assert post.image.alt == page.image_alt
        place = fix_place(page, post.image_alt_field, "instagram")
        assert place is not None, page
        assert place.fragment == "#:w:contentpath=image_alt"
        assert place.path_da.startswith(f"Indhold → {heading} → Alternativ tekst")


def test_a_picture_without_alt_text_is_refused_on_the_fediverse_at_the_alt_text_field():
    event = make_event(image=make_image("Langbord"), image_alt="Et dækket langbord")
    fediverse = get_channel("fediverse")
    post = render_page(event, fediverse)
    unread = replace(post, image=replace(post.image, alt=""))

    [problem] = fediverse.validate(unread)
    assert problem.field == "image_alt"
    assert "alternativ tekst" in problem.message_da


def test_a_fediverse_post_not_built_by_the_rendering_step_is_refused_not_sent():
    story = make_story()
    fediverse = get_channel("fediverse")
    bare = replace(render_page(story, fediverse), document=None)

    with pytest.raises(PlatformError) as refused:
        fediverse.publish(bare, PostRecord(publication_id=1, alias="fediverse"))
    assert refused.value.kind == "permanent"
    assert not Activity.objects.exists()
