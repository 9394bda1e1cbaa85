"""GET /feeds/historier.rss: the newest stories for feed readers and newsletters.

One feed per language: Danish by default, `?sprog=ar` (or `?locale=ar`) for the
Arabic stories, `?sprog=alle` for every language; the channel's `<language>`
says which (docs/det-sker-feed.md, "Sprog").
"""

import mimetypes
from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from wagtail.images import get_image_model

from stories.feeds.languages import ALL, in_language
from stories.feeds.params import ParameterError, feed_language
from stories.models.story import HERO_CARD_SPEC, StoryIndexPage, StoryPage
from stories.recurrence import TZ

STORY_COUNT = 20


class StoriesFeed(Feed):
    feed_type = Rss201rev2Feed
    title = "Vores Ishøj – historier"
    description = "De gode historier om mennesker i Ishøj, der mødes på tværs."

    def __init__(self, language: str):
        super().__init__()
        self.feed_language = language
        # The channel's <language>; Django writes the site's own for `alle`.
        self.language = None if language == ALL else language

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self) -> str:
        """The story list in the feed's language, where it has been translated."""
        indexes = in_language(StoryIndexPage.objects.live(), self.feed_language)
        index = indexes.order_by("pk").first()
        return index.url if index and index.url else "/historier/"

    def items(self):
        return list(
            in_language(StoryPage.objects.live().public(), self.feed_language)
            .select_related("locale")
            .prefetch_related(
                Prefetch(
                    "image",
                    queryset=get_image_model().objects.prefetch_renditions(HERO_CARD_SPEC),
                )
            )
            .order_by("-date", "-first_published_at", "-pk")[:STORY_COUNT]
        )

    def item_title(self, item: StoryPage) -> str:
        return item.title

    def item_description(self, item: StoryPage) -> str:
        return item.intro

    def item_link(self, item: StoryPage) -> str:
        return item.get_full_url(self.request)

    def item_guid(self, item: StoryPage) -> str:
        return f"story-{item.pk}@voresishoj.dk"

    item_guid_is_permalink = False

    def item_pubdate(self, item: StoryPage) -> datetime:
        published = item.first_published_at
        if published and published.astimezone(TZ).date() == item.date:
            return published
        return datetime.combine(item.date, time(8, 0), tzinfo=TZ)

    def item_updateddate(self, item: StoryPage):
        return item.last_published_at

    def item_enclosures(self, item: StoryPage):
        card = item.hero_card
        if card is None:
            return []
        try:
            length = str(card.file.size)
        except (OSError, ValueError):
            length = "0"
        mime = mimetypes.guess_type(card.url)[0] or "image/jpeg"
        return [Enclosure(self.request.build_absolute_uri(card.url), length, mime)]


def historier_rss(request):
    """A fresh Feed per request: the feed keeps the request for absolute URLs."""
    try:
        language = feed_language(request.GET)
    except ParameterError as error:
        return HttpResponse(error.message, status=400, content_type="text/plain; charset=utf-8")
    return StoriesFeed(language)(request)
