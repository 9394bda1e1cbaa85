from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from locations.models import MapPage, PlacePage
from stories.models import StoryIndexPage


class PageRulesTest(WagtailPageTestCase):
    """Editors can only build Home → Kort → places."""

    def test_the_map_lives_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(MapPage, {HomePage})
        self.assertCanCreateAt(HomePage, MapPage)
        self.assertCanNotCreateAt(StoryIndexPage, MapPage)

    def test_places_live_only_under_the_map(self):
        self.assertAllowedParentPageTypes(PlacePage, {MapPage})
        self.assertCanCreateAt(MapPage, PlacePage)
        self.assertCanNotCreateAt(HomePage, PlacePage)
        self.assertCanNotCreateAt(StoryIndexPage, PlacePage)

    def test_the_map_holds_only_places_and_places_hold_nothing(self):
        self.assertAllowedSubpageTypes(MapPage, {PlacePage})
        self.assertAllowedSubpageTypes(PlacePage, {})

    def test_there_is_only_one_map(self):
        self.assertEqual(MapPage.max_count, 1)
