from django.apps import AppConfig


class CommunityConfig(AppConfig):
    """No models of its own (they live in `stories.models`); an app so Wagtail finds
    `stories.community.wagtail_hooks` and the roles' post_migrate hook is connected."""

    name = "stories.community"
    label = "community"
    verbose_name = "Fællesskab"

    def ready(self):
        from django.db.models.signals import post_migrate

        from home.roles import grant_report_permissions

        post_migrate.connect(grant_report_permissions, dispatch_uid="home-roles-reach")
