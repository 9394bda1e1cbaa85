"""Plain factory functions for pages and images: tests build the tree they need."""

import io
import itertools

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from home.models import HomePage
from home.tree_names import ROOT_COLLECTION_NAME, ROOT_PAGE_TITLE
from stories.models import Partner, PartnerKind, StoryIndexPage, StoryPage

_counter = itertools.count(1)


def make_image(title="Testbillede", size=(1600, 1000), color=(40, 120, 160)):
    # A transactional test before this one may have flushed the root collection
    # Wagtail's migration made (see home_page()); images need it.
    if not Collection.objects.exists():
        Collection.add_root(name=ROOT_COLLECTION_NAME)
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "JPEG")
    n = next(_counter)
    return get_image_model().objects.create(
        title=f"{title} {n}", file=ImageFile(buffer, name=f"test-{n}.jpg")
    )


def home_page() -> HomePage:
    """The home page the migrations create. Transactional tests (live server,
    browser) flush every table afterwards, data migrations' rows included, so
    a later transactional test rebuilds it the way the migration does."""
    existing = HomePage.objects.first()
    if existing:
        return existing
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant("da"))
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title=ROOT_PAGE_TITLE, slug="root")
    )
    home = root.add_child(instance=HomePage(title="Vores Ishøj", slug="home"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "Vores Ishøj",
        },
    )
    return home


def story_index(home=None) -> StoryIndexPage:
    home = home or home_page()
    existing = StoryIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    index = StoryIndexPage(title="Historier", slug="historier", intro="Alle historierne.")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_partner(name="Ældresagen Ishøj", kind=PartnerKind.ASSOCIATION, **kwargs):
    partner, _ = Partner.objects.get_or_create(name=name, defaults={"kind": kind, **kwargs})
    return partner


def make_story(
    index=None, title=None, image=None, tags=(), partners=(), body=None, publish=True, **fields
) -> StoryPage:
    index = index or story_index()
    n = next(_counter)
    title = title or f"Historie nummer {n}"
    story = StoryPage(
        title=title,
        slug=fields.pop("slug", f"historie-{n}"),
        intro=fields.pop("intro", f"Manchet til {title}."),
        image=image or make_image(),
        image_alt=fields.pop("image_alt", "Folk samlet på Ishøj Strand"),
        body=body if body is not None else [("paragraph", f"<p>Brødtekst til {title}.</p>")],
        live=publish,
        **fields,
    )
    index.add_child(instance=story)
    story.tags.add(*tags)
    story.partners.set(partners)
    revision = story.save_revision()
    if publish:
        revision.publish()
    story.refresh_from_db()
    return story


def default_site() -> Site:
    return Site.objects.get(is_default_site=True)
