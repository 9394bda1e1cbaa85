"""The one path every resident submission takes: a free slug, a draft, the approval workflow."""

import pytest
from wagtail.models import WorkflowState

from home.submissions import file_draft, unique_child_slug
from stories.models import StoryPage
from tests.factories import make_story, story_index

pytestmark = pytest.mark.django_db


def test_a_clashing_title_gets_the_next_free_number():
    index = story_index()
    make_story(index=index, title="Kaffe på trappen", slug="kaffe-paa-trappen")
    make_story(index=index, title="Kaffe på trappen", slug="kaffe-paa-trappen-2")
    assert unique_child_slug(index, "Kaffe på trappen", fallback="historie") == (
        "kaffe-paa-trappen-3"
    )


def test_a_title_without_letters_falls_back_to_a_named_slug():
    assert unique_child_slug(story_index(), "!!! ???", fallback="historie") == "historie"


def test_a_filed_draft_is_unpublished_and_awaits_approval():
    index = story_index()
    page = file_draft(
        index,
        StoryPage(title="Naboer i Vejleåparken", intro="Kort.", image_alt="-", body=[]),
    )
    page.refresh_from_db()
    assert not page.live
    assert page.slug == "naboer-i-vejleaaparken"
    assert page.get_parent().specific == index
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
