from django.apps import AppConfig


class CommunityConfig(AppConfig):
    """No models of its own (they live in `stories.models`); an app so Wagtail finds
    `stories.community.wagtail_hooks`."""

    name = "stories.community"
    label = "community"
    verbose_name = "Fællesskab"
