"""A large archive of stories in seconds, for the scale benchmark (bench_scale).

`benchmarks.data.ensure_stories` adds stories one by one through treebeard and
Wagtail's save, about 30 ms each: fine for 1,000, a quarter of an hour for
10,000. Here the page rows are written in batches with their tree paths
computed up front, as `loaddata` would, so growing an archive from 1,000 to
10,000 stories takes seconds. The stories look like `ensure_stories`' (hero
image, body with an image, two topics, partners), so a page shows the same
work at either size; what they skip is the search index and revisions, which
no listing reads.
"""

import datetime
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale, Page

from benchmarks.data import TOPICS, _images
from home.models import HomePage
from stories.models import Partner, PartnerKind, StoryIndexPage, StoryPage, StoryTag
from stories.topics import refresh_topics

BATCH = 500
BODY = [
    ("heading", {"text": "Sådan begyndte det", "level": "h2"}),
    ("paragraph", "<p>" + "Fællesskab opstår, når nogen tager initiativ. " * 20 + "</p>"),
    ("quote", {"quote": "Her kender vi hinanden.", "name": "Mette", "role": "frivillig"}),
    ("paragraph", "<p>" + "Alle kan give en hånd med et par timer. " * 20 + "</p>"),
]


def story_index() -> StoryIndexPage:
    index = StoryIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.get(locale=Locale.get_default())
        index = home.add_child(
            instance=StoryIndexPage(title="Historier", slug="historier", show_in_menus=True)
        )
    return index


def story_date(n: int) -> datetime.date:
    """Story n's date: one every day or two back from today, newest last, so
    a grown archive puts its new stories both before and after the old ones
    (several share a date, as on a busy week)."""
    return timezone.localdate() - datetime.timedelta(days=(n * 7919) % 7300)


def grow_archive(total: int) -> int:
    """Make sure `total` live stories exist under the story index; return how
    many were added. The topic counts are refreshed once at the end, as a
    publish would have done for each story."""
    index = story_index()
    existing = StoryPage.objects.child_of(index).count()
    if existing >= total:
        return 0
    images = _images()
    partners = [
        Partner.objects.get_or_create(name=name, defaults={"kind": kind})[0]
        for name, kind in [("Ældresagen", PartnerKind.ASSOCIATION), ("AAB", PartnerKind.HOUSING)]
    ]
    tags = [Tag.objects.get_or_create(name=name)[0] for name in TOPICS]
    content_type = ContentType.objects.get_for_model(StoryPage)
    body = StoryPage._meta.get_field("body").to_python(BODY)
    now = timezone.now()
    with transaction.atomic():
        index = StoryIndexPage.objects.select_for_update().get(pk=index.pk)
        last = index.get_last_child()
        step = int(last.path[-Page.steplen :], 36) if last else 0
        for start in range(existing, total, BATCH):
            numbers = range(start, min(start + BATCH, total))
            pages = []
            for n in numbers:
                step += 1
                pages.append(
                    Page(
                        path=Page._get_path(index.path, index.depth + 1, step),
                        depth=index.depth + 1,
                        numchild=0,
                        translation_key=uuid.uuid4(),
                        locale_id=index.locale_id,
                        live=True,
                        first_published_at=now,
                        last_published_at=now,
                        title=f"Historie {n + 1} fra Ishøj",
                        draft_title=f"Historie {n + 1} fra Ishøj",
                        slug=f"arkiv-historie-{n + 1}",
                        content_type=content_type,
                        url_path=f"{index.url_path}arkiv-historie-{n + 1}/",
                    )
                )
            pages = Page.objects.bulk_create(pages)
            if any(page.pk is None for page in pages):  # a backend without RETURNING
                by_path = dict(
                    Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk")
                )
                for page in pages:
                    page.pk = page.id = by_path[page.path]
            stories = [
                StoryPage(
                    page_ptr_id=page.pk,
                    intro="Naboer mødes på tværs af alder og kultur i Vejleåparken.",
                    date=story_date(n),
                    image=images[n % len(images)],
                    image_alt="Naboer samlet omkring et bord",
                    body=body,
                    byline="",
                    image_caption="",
                )
                for n, page in zip(numbers, pages, strict=True)
            ]
            # bulk_create refuses a model with a parent table; the parent rows
            # exist, so only the story table's own row is inserted.
            StoryPage._base_manager._insert(
                stories, fields=StoryPage._meta.local_concrete_fields, using="default"
            )
            StoryTag.objects.bulk_create(
                StoryTag(content_object_id=page.pk, tag=tags[(n + k) % len(tags)])
                for n, page in zip(numbers, pages, strict=True)
                for k in (0, 3)
            )
            StoryPage.partners.through.objects.bulk_create(
                StoryPage.partners.through(storypage_id=page.pk, partner=partner)
                for n, page in zip(numbers, pages, strict=True)
                for partner in partners[: 1 + n % 2]
            )
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + total - existing)
    refresh_topics()
    return total - existing
