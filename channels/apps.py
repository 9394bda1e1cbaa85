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
        from .governor import governor
        from .logins import StoredRefreshToken
        from .models.ledger import ChannelStateLedger
        from .platforms import google_oauth

        attach_to_page_types()
        governor.keep_state_in(ChannelStateLedger())
        # A refresh token Google rotates goes to the database, not this process.
        google_oauth.keep_refresh_tokens_in(StoredRefreshToken())
