from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from stories.models import StoryIndexPage, StoryPage


class PageRulesTest(WagtailPageTestCase):
    """Editors can only build the tree Home → Historier → story."""

    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_story_index_lives_under_the_home_page(self):
        self.assertAllowedParentPageTypes(StoryIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, StoryIndexPage)

    def test_stories_live_only_under_the_story_index(self):
        self.assertAllowedParentPageTypes(StoryPage, {StoryIndexPage})
        self.assertCanCreateAt(StoryIndexPage, StoryPage)
        self.assertCanNotCreateAt(HomePage, StoryPage)

    def test_a_story_has_no_child_pages(self):
        self.assertAllowedSubpageTypes(StoryPage, {})

    def test_the_story_index_holds_only_stories(self):
        self.assertAllowedSubpageTypes(StoryIndexPage, {StoryPage})
