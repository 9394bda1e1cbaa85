"""Load the demo stories: look each up by slug and publish only what changed.

The texts live as plain data in `texts_*.py`, one module per year, so an
editor can correct a sentence without reading any loader code. Each story is
a dict with the keys of `StoryPage` plus `hero` (scene, image title) and a
`body` of (block type, value) pairs in the short forms `_block` expands.
"""

from collections import Counter
from urllib.parse import parse_qs, urlsplit

from wagtail.models import Locale

from demo.images import demo_image
from stories.models import Partner, PartnerKind, StoryIndexPage, StoryPage

from .texts_2014 import STORIES as STORIES_2014
from .texts_2015_autumn import STORIES as STORIES_2015_AUTUMN
from .texts_2015_spring import STORIES as STORIES_2015_SPRING
from .texts_2016 import STORIES as STORIES_2016

STORIES = [*STORIES_2014, *STORIES_2015_SPRING, *STORIES_2015_AUTUMN, *STORIES_2016]


def demo_video_ids() -> list[str]:
    """The YouTube videos the demo stories show. The platform stand-in knows
    them from the start, so a fresh demo's YouTube posts go out instead of
    failing with "video not found"."""
    ids = []
    for story in STORIES:
        for block_type, value in story["body"]:
            if block_type == "video":
                ids += parse_qs(urlsplit(value["url"]).query).get("v", [])
    return ids


IMAGE_CREDIT = "Illustration: Vores Ishøj"

# Links are left blank rather than guessed; the secretariat fills them in.
PARTNERS = {
    "Danmarks Naturfredningsforening": PartnerKind.ASSOCIATION,
    "CPH West": PartnerKind.SCHOOL,
    "FDF Tranegilde": PartnerKind.ASSOCIATION,
    "Park- og Vejcentret": PartnerKind.MUNICIPAL,
    "Ældresagen": PartnerKind.ASSOCIATION,
    "AAB": PartnerKind.HOUSING,
    "Produktionsskolen Pile Mølle": PartnerKind.SCHOOL,
    "Thorslunde-Ishøj Lokalhistoriske Forening": PartnerKind.ASSOCIATION,
    "Glashuset": PartnerKind.ASSOCIATION,
    "Aktiviteter for børn": PartnerKind.ASSOCIATION,
    "I tråd med verden": PartnerKind.ASSOCIATION,
    "Cykling uden alder": PartnerKind.ASSOCIATION,
    "Røde Kors": PartnerKind.ASSOCIATION,
    "Ældre i bevægelse": PartnerKind.ASSOCIATION,
    "Medborger- og Demokratiforum": PartnerKind.MUNICIPAL,
    "Ungerådet": PartnerKind.MUNICIPAL,
    "Ishøj Kommune": PartnerKind.MUNICIPAL,
}


def _image_value(value: dict) -> dict:
    return {
        "image": demo_image(value["title"], value["scene"]),
        "alt_text": value["alt_text"],
        "caption": value.get("caption", ""),
        "credit": value.get("credit", IMAGE_CREDIT),
    }


def _block(block_type: str, value):
    """Expand the short forms the texts use into real block values."""
    if block_type == "text":
        return "paragraph", "".join(f"<p>{paragraph}</p>" for paragraph in value)
    if block_type == "heading":
        return "heading", {"text": value, "level": "h2"}
    if block_type == "image":
        return "image", _image_value(value)
    if block_type == "gallery":
        return "gallery", {
            "title": value.get("title", ""),
            "images": [_image_value(image) for image in value["images"]],
        }
    if block_type == "call_to_action":
        return "call_to_action", {"page": None, **value}
    if block_type == "quote":
        return "quote", {"role": "", **value}
    if block_type == "video":
        return "video", {"caption": "", **value}
    return block_type, value


def _without_ids(data):
    """Block data minus the random ids Wagtail gives every block and list item."""
    if isinstance(data, dict):
        return {key: _without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    return data


def _body_data(stream_value) -> list:
    return _without_ids(stream_value.stream_block.get_prep_value(stream_value))


def _partners() -> dict[str, Partner]:
    partners = {}
    for name, kind in PARTNERS.items():
        partner, created = Partner.objects.get_or_create(name=name, defaults={"kind": kind})
        if not created and partner.kind != kind:
            partner.kind = kind
            partner.save(update_fields=["kind"])
        partners[name] = partner
    return partners


def _load_story(index: StoryIndexPage, data: dict, partners: dict[str, Partner]) -> str:
    """Create, update or leave one story; return which of the three it was."""
    scene, image_title = data["hero"]
    fields = {
        "title": data["title"],
        "intro": data["intro"],
        "date": data["date"],
        "byline": data["byline"],
        "image": demo_image(image_title, scene),
        "image_alt": data["image_alt"],
        "image_caption": data.get("image_caption", ""),
        "body": [_block(block_type, value) for block_type, value in data["body"]],
    }
    tags = sorted(data["tags"])
    story_partners = [partners[name] for name in data["partners"]]

    story = StoryPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if story is None:
        story = StoryPage(slug=data["slug"], **fields)
        index.add_child(instance=story)
        outcome = "new"
    else:
        wanted = StoryPage(**fields)
        unchanged = (
            all(
                getattr(story, name) == getattr(wanted, name)
                for name in fields
                if name not in ("body", "image")
            )
            and story.image_id == wanted.image.pk
            and _body_data(story.body) == _body_data(wanted.body)
            and sorted(story.tags.names()) == tags
            and {p.pk for p in story.partners.all()} == {p.pk for p in story_partners}
        )
        if unchanged and story.live and not story.has_unpublished_changes:
            return "unchanged"
        for name, value in fields.items():
            setattr(story, name, value)
        outcome = "updated"
    story.tags.set(tags)
    story.partners.set(story_partners)
    story.save_revision().publish()
    return outcome


def load(stdout) -> None:
    # The index is created by the site setup, which always runs first.
    index = StoryIndexPage.objects.get(locale=Locale.get_default())
    partners = _partners()
    outcomes = Counter(_load_story(index, data, partners) for data in STORIES)
    stdout.write(
        f"Historier: {len(STORIES)} under «{index.title}» – {outcomes['new']} nye, "
        f"{outcomes['updated']} opdaterede, {outcomes['unchanged']} uændrede."
    )
