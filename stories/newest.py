"""The newest stories, as the front page and every story's "Flere historier"
show them.

They are the same handful of rows for every visitor and every story, but a
query Django needs over a millisecond just to build (page inheritance, the hero
image, the view-restriction check). So they are kept in the default cache with
their card images, and forgotten whenever a page is published, unpublished,
moved or deleted, a view restriction changes or an image is edited. The short
timeout bounds staleness in processes that do not share the cache, as for the
page chrome (home.page_chrome).
"""

from django.core.cache import cache
from wagtail.models import Page

from home.visibility import not_restricted

NEWEST_TIMEOUT = 60
KEEP = 7  # the front page's six, or a story's three others plus itself
CACHE_KEY = "stories:newest:{root_path}"


def newest_stories(page: Page, count: int) -> list:
    """The newest live, public stories of `page`'s site, `page` itself left out."""
    root_path = page.path[: Page.steplen * 2]  # the site's home page, below the tree root
    key = CACHE_KEY.format(root_path=root_path)
    stories = cache.get(key)
    if stories is None:
        stories = _newest(root_path)
        cache.set(key, stories, NEWEST_TIMEOUT)
    return [story for story in stories if story.pk != page.pk][:count]


def _newest(root_path: str) -> list:
    from stories.models import StoryPage

    stories = list(
        StoryPage.objects.live()
        .filter(not_restricted(), path__startswith=root_path)
        .defer_streamfields()
        .select_related("hero_image")
        .order_by("-date", "-pk")[:KEEP]
    )
    for story in stories:
        story.hero_card  # noqa: B018 - the card's rendition is kept with the story
    return stories


def forget(**kwargs) -> None:
    home_paths = Page.objects.filter(depth=2).values_list("path", flat=True)
    cache.delete_many([CACHE_KEY.format(root_path=path) for path in home_paths])
