from django.apps import AppConfig


class ChannelsConfig(AppConfig):
    name = "channels"
    label = "channels"
    verbose_name = "Kanaler"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Connects page_published / page_unpublished to the channel layer and
        # registers the configuration checks of `manage.py check`.
        from . import checks, signals  # noqa: F401
        from .admin_attach import attach_to_page_types
        from .logins import StoredRefreshToken
        from .platforms import google_oauth

        attach_to_page_types()
        # A refresh token Google rotates goes to the database, not this process.
        google_oauth.keep_refresh_tokens_in(StoredRefreshToken())
