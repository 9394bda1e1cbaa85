from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework.fields import CharField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page
from wagtail.search import index

from home.cache import not_a_variant
from home.image_moderation import ModeratedImagesPage
from home.languages import (
    active_language,
    danish_listing_page,
    in_reader_language,
    language_codes,
)
from home.page_extensions import ExtensiblePreviewMixin
from home.readability_panel import LixPanel
from home.sharing import ShareFields, SharesContent
from home.visibility import not_restricted
from stories.blocks import StoryBodyBlock
from stories.models.listing import ArchivePaginator, TopicCounts, about_topic
from stories.serializers import HeroImageField, PartnersField, TopicsField

STORIES_PER_PAGE = 12

# Every rendition a story's hero image is shown in, fetched in one query.
HERO_SRCSET_WIDTHS = (480, 800, 1200)
HERO_CARD_SPEC = "fill-640x400"
HERO_SOCIAL_SPEC = "fill-1200x630"
# Filters parse their spec once and keep it; built per call they would parse it
# again on every page view.
_HERO_PAGE_FILTERS = [Filter(spec=f"width-{w}") for w in HERO_SRCSET_WIDTHS] + [
    Filter(spec=HERO_SOCIAL_SPEC)
]
_HERO_CARD_FILTER = Filter(spec=HERO_CARD_SPEC)


# Story lists join the hero image in; its renditions come from Wagtail's
# rendition cache, so a list costs a fixed number of queries however long it is.


class StoryTag(TaggedItemBase):
    content_object = ParentalKey(
        "stories.StoryPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class StoryIndexPage(ModeratedImagesPage, Page):
    """ "Historier": the list of every story, newest first, filterable by topic."""

    intro = models.TextField("Indledning", blank=True, max_length=500)

    content_panels = Page.content_panels + [FieldPanel("intro"), LixPanel(("intro",))]
    api_fields = [APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count = 1

    class Meta:
        verbose_name = "Historieoversigt"
        verbose_name_plural = "Historieoversigter"

    def stories(self):
        # Its children, with the depth as a range: given `depth = n`, SQLite
        # reads every page to sort them instead of walking the newest-first index.
        # In another language, the Danish index's children: every story starts
        # in Danish, and get_context shows each in the reader's language.
        index = danish_listing_page(self)
        depth = index.depth + 1
        return (
            StoryPage.objects.filter(path__startswith=index.path, depth__range=(depth, depth))
            .live()
            .filter(not_restricted())
            .defer_streamfields()
            .select_related("image")
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = self.stories()
        counts = TopicCounts(self)
        count = counts.total
        topic = None
        topic_slug = request.GET.get("emne", "").strip()
        if topic_slug:
            topic = Tag.objects.filter(slug=topic_slug).first()
            if topic is None:
                not_a_variant(request)
            count = counts.count_for(topic) if topic else 0
            stories = about_topic(stories, topic, count, counts.total) if topic else stories.none()
        paginator = ArchivePaginator(stories, STORIES_PER_PAGE, count=count)
        try:
            page = paginator.page(request.GET.get("side", 1))
        except PageNotAnInteger:
            not_a_variant(request)
            page = paginator.page(1)
        except EmptyPage:
            not_a_variant(request)
            page = paginator.page(paginator.num_pages)
        page.object_list = in_reader_language(page.object_list)
        context.update(stories=page, topic=topic, topic_slug=topic_slug, topics=counts.topics)
        return context


class StoryPage(SharesContent, ExtensiblePreviewMixin, ModeratedImagesPage, Page):
    """One good story of people meeting across age, culture and neighbourhood.

    Written once here; the channel layer republishes it everywhere else.
    """

    intro = models.TextField(
        "Manchet",
        max_length=300,
        help_text="To-tre sætninger, der fanger læseren. Bruges også på forsiden og i delinger.",
    )
    date = models.DateField(
        "Dato", default=timezone.localdate, help_text="Historiens dato, vises på siden."
    )
    image = models.ForeignKey(
        get_image_model(),
        verbose_name="Hovedbillede",
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        "Alternativ tekst til hovedbilledet",
        max_length=250,
        help_text="Beskriv billedet for dem, der ikke kan se det. Skal udfyldes.",
    )
    image_caption = models.CharField("Billedtekst", max_length=250, blank=True)
    body = StreamField(StoryBodyBlock(), verbose_name="Brødtekst")
    tags = ClusterTaggableManager(
        "Emner",
        through=StoryTag,
        blank=True,
        help_text="Emner som 'natur', 'ældre' eller 'mad'. Bruges til filtrering og hashtags.",
    )
    partners = ParentalManyToManyField(
        "stories.Partner", verbose_name="Partnere", blank=True, related_name="stories"
    )
    byline = models.CharField(
        "Byline",
        max_length=150,
        blank=True,
        help_text="Fx 'Tekst og foto: Sekretariatet for Vores Ishøj'.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("image"),
                FieldPanel("image_alt"),
                FieldPanel("image_caption"),
            ],
            heading="Hovedbillede",
        ),
        FieldPanel("body"),
        LixPanel(("intro", "body")),
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("byline"), FieldPanel("tags"), FieldPanel("partners")],
            heading="Om historien",
        ),
    ]
    # The channel layer appends its "Kanaler" tab and preview (channels/apps.py).
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Indhold"),
            ObjectList(Page.promote_panels, heading="Promover"),
            ObjectList(Page.settings_panels, heading="Indstillinger"),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]
    # Names the API has published since the start, by the model field behind
    # each: `?field=` filters and `order=` read them (stories.api.read_public_names).
    api_public_names = {
        "hero_image": "image",
        "hero_image_alt": "image_alt",
        "hero_image_caption": "image_caption",
    }
    api_fields = [
        APIField("intro"),
        APIField("date"),
        APIField("byline"),
        # The API keeps the names it has published since the start (docs/api.md):
        # municipal sites read `hero_image`, whatever the model calls the field.
        APIField("hero_image", serializer=HeroImageField(alt_source="image_alt")),
        APIField("hero_image_alt", serializer=CharField(source="image_alt", read_only=True)),
        APIField(
            "hero_image_caption", serializer=CharField(source="image_caption", read_only=True)
        ),
        APIField("body"),
        APIField("tags", serializer=TopicsField()),
        APIField("partners", serializer=PartnersField()),
    ]
    # What the channels share (home/sharing.py): intro, image and image_alt by
    # their common names; the topics are the post's tags.
    share_fields = ShareFields(kind="story", tags="tags", videos_in="body")
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Historie"
        verbose_name_plural = "Historier"
        # Every list of stories is newest first (front page, index, related
        # stories, API, feeds): read in index order and stop at the limit,
        # instead of sorting every story on each page view.
        indexes = [models.Index(fields=["date", "page_ptr"], name="stories_story_newest")]

    @classmethod
    def serving_queryset(cls):
        """How the story is fetched when a resident opens it (see home.routing)."""
        return cls.objects.select_related("image")

    @cached_property
    def hero_renditions(self):
        """The story page's renditions of its hero image in one lookup: the
        srcset widths and the crop for Open Graph."""
        if self.image is None:
            return {}
        return self.image.get_renditions(*_HERO_PAGE_FILTERS)

    @property
    def hero_srcset(self):
        return ", ".join(
            f"{self.hero_renditions[f'width-{w}'].url} {self.hero_renditions[f'width-{w}'].width}w"
            for w in HERO_SRCSET_WIDTHS
        )

    @property
    def hero_default(self):
        return self.hero_renditions.get(f"width-{HERO_SRCSET_WIDTHS[1]}")

    @property
    def hero_social(self):
        return self.hero_renditions.get(HERO_SOCIAL_SPEC)

    @cached_property
    def hero_card(self):
        """The crop shown on story cards in lists."""
        return self.image.get_rendition(_HERO_CARD_FILTER) if self.image else None

    def related_stories(self, limit=3):
        return newest_stories(self, limit)


# The newest stories, as the front page and every story's "Flere historier" show
# them. They are the same handful of rows for every visitor and every story, but
# a query Django needs over a millisecond just to build (page inheritance, the
# hero image, the view-restriction check). So they are kept in the default
# cache with their card images, one list per tree and reader's language (an
# Arabic reader's list holds the Arabic translations, each with its own card,
# so the Arabic front page costs what the Danish one costs), and forgotten
# whenever a page is published, unpublished, moved or deleted, a view
# restriction changes or an image is edited (StoriesConfig.ready). The short
# timeout bounds staleness in processes that do not share the cache, as for
# the page chrome (home.page_chrome).
NEWEST_TIMEOUT = 60
NEWEST_KEEP = 7  # the front page's six, or a story's three others plus itself
NEWEST_CACHE_KEY = "stories:newest:{root_path}:{language}"


def newest_stories(page: Page, count: int) -> list:
    """The newest live, public stories of `page`'s site, `page` itself left out,
    each in the reader's language where it is translated (every story starts in
    Danish, so the Danish tree is the list in every language)."""
    language = active_language()
    # The page's own tree (Danish, or the translated tree it lies in).
    key = NEWEST_CACHE_KEY.format(root_path=page.path[: Page.steplen * 2], language=language)
    stories = cache.get(key)
    if stories is None:
        original = danish_listing_page(page)
        stories = in_reader_language(_newest(original.path[: Page.steplen * 2]), language)
        for story in stories:
            story.hero_card  # noqa: B018 - the card's rendition is kept with the story
        cache.set(key, stories, NEWEST_TIMEOUT)
    shown = [story for story in stories if story.translation_key != page.translation_key]
    return shown[:count]


def _newest(root_path: str) -> list:
    return list(
        StoryPage.objects.live()
        .filter(not_restricted(), path__startswith=root_path)
        .defer_streamfields()
        .select_related("image")
        .order_by("-date", "-pk")[:NEWEST_KEEP]
    )


def forget_newest_stories(**kwargs) -> None:
    home_paths = Page.objects.filter(depth=2).values_list("path", flat=True)
    cache.delete_many(
        [
            NEWEST_CACHE_KEY.format(root_path=path, language=language)
            for path in home_paths
            for language in language_codes()
        ]
    )
