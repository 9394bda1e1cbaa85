from django.apps import AppConfig


class ReachConfig(AppConfig):
    """Reach per story and the council's evaluation report.

    Nested in `channels/` because it reads what the channel layer published,
    but it is its own app: the site counting works without the channel layer.
    """

    name = "channels.reach"
    label = "reach"
    verbose_name = "Rækkevidde"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from home import participation

        from .contributor_reach import contribution_reach

        # A resident's follow link shows its story's reach (home/participation.py).
        participation.provide_reach(contribution_reach)
