"""The building blocks of a story's body.

Video is embedded from the URL alone (no oEmbed call), because the portal must
render without reaching YouTube or Vimeo, and the privacy-enhanced player
sets no cookies before the resident presses play.
"""

import re
from urllib.parse import urlparse

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.models import Filter

from home.sharing import parse_video_url

API_RENDITIONS = {
    "small": "fill-400x300",
    "medium": "width-800",
    "large": "width-1600",
}


# Filter objects parse their spec once and keep it; made per call, they would
# parse it again for every image in every API list.
_API_FILTERS = [Filter(spec=spec) for spec in API_RENDITIONS.values()]


def image_api_representation(image, context=None):
    """An image as the API shows it: alt text and ready-made rendition URLs.

    Given the serializer's context, each picture's renditions and URLs are
    worked out once per response however often the list shows it (a hero
    image that is also in a body, a partner's logo on many stories); the
    caller gets a copy of its own to set the alt text on.
    """
    if image is None:
        return None
    if context is None:
        return _image_representation(image)
    known = context.setdefault("_image_representations", {})
    if image.pk not in known:
        known[image.pk] = _image_representation(image)
    return {**known[image.pk]}


def _image_representation(image):
    renditions = image.get_renditions(*_API_FILTERS)
    return {
        "id": image.pk,
        "title": image.title,
        "alt": image.default_alt_text,
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {
                "url": renditions[spec].full_url,
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in API_RENDITIONS.items()
        },
    }


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Overskrift", max_length=120)
    level = blocks.ChoiceBlock(
        label="Niveau",
        choices=[("h2", "Mellemrubrik"), ("h3", "Underrubrik")],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = "Overskrift"
        template = "blocks/heading_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Billede")
    alt_text = blocks.CharBlock(
        label="Alternativ tekst",
        max_length=250,
        help_text="Beskriv billedet for dem, der ikke kan se det.",
    )
    caption = blocks.CharBlock(label="Billedtekst", required=False, max_length=250)
    credit = blocks.CharBlock(label="Foto", required=False, max_length=120)

    class Meta:
        icon = "image"
        label = "Billede"
        template = "blocks/image_block.html"

    def get_api_representation(self, value, context=None):
        data = image_api_representation(value["image"], context)
        if data is not None:
            data["alt"] = value["alt_text"]
        return {"image": data, "caption": value["caption"], "credit": value["credit"]}


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titel", required=False, max_length=120)
    images = blocks.ListBlock(CaptionedImageBlock(), label="Billeder", min_num=2)

    class Meta:
        icon = "image"
        label = "Galleri"
        template = "blocks/gallery_block.html"


class VideoValue(blocks.StructValue):
    @cached_property
    def provider_and_id(self):
        return parse_video_url(self.get("url") or "") or ("", "")

    @property
    def provider(self):
        return self.provider_and_id[0]

    @property
    def video_id(self):
        return self.provider_and_id[1]

    @property
    def embed_url(self):
        provider, video_id = self.provider_and_id
        if provider == "youtube":
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
        if provider == "vimeo":
            return f"https://player.vimeo.com/video/{video_id}?dnt=1"
        return ""


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(
        label="Video-link",
        help_text="Link til videoen på YouTube eller Vimeo.",
    )
    title = blocks.CharBlock(
        label="Videoens titel",
        max_length=150,
        help_text="Vises for skærmlæsere og som overskrift på afspilleren.",
    )
    caption = blocks.CharBlock(label="Tekst under videoen", required=False)

    class Meta:
        icon = "media"
        label = "Video"
        template = "blocks/video_block.html"
        value_class = VideoValue

    def clean(self, value):
        value = super().clean(value)
        if parse_video_url(value["url"]) is None:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        "Linket skal pege på en video på YouTube eller Vimeo, "
                        "fx https://www.youtube.com/watch?v=…"
                    )
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        return {
            "url": value["url"],
            "title": value["title"],
            "caption": value["caption"],
            "provider": value.provider,
            "video_id": value.video_id,
            "embed_url": value.embed_url,
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="Citat")
    name = blocks.CharBlock(label="Hvem siger det", max_length=120)
    role = blocks.CharBlock(
        label="Beskrivelse",
        required=False,
        max_length=120,
        help_text="Fx 'frivillig i Café Solstrålen'.",
    )

    class Meta:
        icon = "openquote"
        label = "Citat"
        template = "blocks/quote_block.html"


_SITE_PATH = re.compile(r"^/(?!/)[^\s]*$")


def validate_link(value: str) -> None:
    """A web address (http/https) or an address on this site starting with "/"
    (the residents' forms, /fortael/, are not pages an editor can choose)."""
    if not value or _SITE_PATH.match(value):
        return
    parsed = urlparse(value)
    if (
        parsed.scheme not in ("http", "https")
        or not parsed.netloc
        or any(c.isspace() for c in value)
    ):
        raise ValidationError(
            "Skriv en hel webadresse (https://…) eller en adresse på Vores Ishøj, "
            "der begynder med /, fx /fortael/."
        )


class LinkBlock(blocks.CharBlock):
    """A link to another site or to an address on ours (/fortael/?type=opskrift)."""

    def __init__(self, **kwargs):
        super().__init__(max_length=500, validators=[validate_link], **kwargs)

    def deconstruct(self):
        path, args, kwargs = super().deconstruct()
        kwargs.pop("max_length", None)
        kwargs.pop("validators", None)
        return path, args, kwargs


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Tekst", max_length=200)
    button_label = blocks.CharBlock(label="Knaptekst", max_length=60)
    page = blocks.PageChooserBlock(label="Side på portalen", required=False)
    url = LinkBlock(
        label="Eller et link",
        required=False,
        help_text="En webadresse (https://…) eller en adresse på Vores Ishøj, fx /fortael/ "
        "for formularen 'Fortæl din historie'.",
    )

    class Meta:
        icon = "link"
        label = "Opfordring"
        template = "blocks/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value["page"]) == bool(value["url"]):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError("Vælg enten en side eller et link – ikke begge.")
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        page = value["page"]
        url = page.full_url if page else value["url"]
        request = (context or {}).get("request")
        if url.startswith("/") and request is not None:
            url = request.build_absolute_uri(url)  # other sites need the whole address
        return {"text": value["text"], "button_label": value["button_label"], "url": url}


class RecipeBlock(blocks.StructBlock):
    """A recipe for "Mad med historie"; rendered with schema.org Recipe JSON-LD
    so search engines show it as a recipe."""

    name = blocks.CharBlock(label="Rettens navn", max_length=120)
    servings = blocks.IntegerBlock(label="Antal personer", min_value=1, max_value=200)
    prep_minutes = blocks.IntegerBlock(
        label="Tid i alt (minutter)", required=False, min_value=1, max_value=2880
    )
    ingredients = blocks.ListBlock(
        blocks.CharBlock(label="Ingrediens"), label="Ingredienser", min_num=1
    )
    steps = blocks.ListBlock(blocks.TextBlock(label="Trin"), label="Fremgangsmåde", min_num=1)

    class Meta:
        icon = "list-ol"
        label = "Opskrift"
        template = "blocks/recipe_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["recipe_json_ld"] = recipe_json_ld(value, (parent_context or {}).get("page"))
        return context


def recipe_json_ld(value, page=None) -> dict:
    """schema.org Recipe for one recipe block, enriched from the story it sits in."""
    data = {
        "@context": "https://schema.org",
        "@type": "Recipe",
        "name": value["name"],
        "recipeYield": f"{value['servings']} personer",
        "recipeIngredient": list(value["ingredients"]),
        "recipeInstructions": [
            {"@type": "HowToStep", "position": i, "text": step}
            for i, step in enumerate(value["steps"], start=1)
        ],
        "inLanguage": "da",
    }
    if value.get("prep_minutes"):
        data["totalTime"] = f"PT{value['prep_minutes']}M"
    if page is not None:
        data["description"] = getattr(page, "intro", "") or page.title
        if getattr(page, "byline", ""):
            data["author"] = {"@type": "Person", "name": page.byline}
        social = getattr(page, "hero_social", None)
        if social is not None:
            data["image"] = social.full_url
    return data


class StoryBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label="Tekst",
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
    )
    image = CaptionedImageBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    recipe = RecipeBlock()
