"""API fields for stories that Wagtail does not provide out of the box."""

from rest_framework.fields import Field

from stories.blocks import image_api_representation


class HeroImageField(Field):
    """The page's picture with its alt text and rendition URLs, so an app needs no
    second request to show it. Published as `hero_image` for stories, the name
    the API has always used, though the model field is `image` like every page type's."""

    def __init__(self, image_source="image", alt_source=None, **kwargs):
        self.image_source = image_source
        self.alt_source = alt_source
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        # A picture several stories in the list share is worked out once.
        data = image_api_representation(getattr(page, self.image_source), self.context)
        if data is not None and self.alt_source:
            data["alt"] = getattr(page, self.alt_source)
        return data


class PartnersField(Field):
    def to_representation(self, partners):
        return [
            {
                "id": p.pk,
                "name": p.name,
                "kind": p.kind,
                "kind_display": p.get_kind_display(),
                "url": p.url,
                "logo": image_api_representation(p.logo, self.context),
            }
            for p in partners.all()
        ]


class TopicsField(Field):
    """Topic names: a list's read in bulk (stories.api.add_topic_names), a single
    story's from its prefetched tagged items (Wagtail's own tags field queries
    once per page)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        names = getattr(page, "topic_names", None)  # a list's, read in bulk (stories/api.py)
        if names is None:
            names = [item.tag.name for item in page.tagged_items.all()]
        return sorted(names)
