from django.apps import AppConfig


class CachingConfig(AppConfig):
    """Connects the purge signal handlers in every process that can change pages:
    web workers (the admin), the task worker and the clock (scheduled publishing)."""

    name = "cms.caching"
    label = "cms_caching"
    verbose_name = "Side-cache"

    def ready(self):
        from . import signals

        signals.connect()
