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

    def ready(self):
        from django.db.models.signals import post_migrate

        from home import participation
        from home.roles import grant_report_permissions

        from .contributor_reach import contribution_reach

        # A resident's follow link shows its story's reach (home/participation.py).
        participation.provide_reach(contribution_reach)
        # The roles get reach's report permissions once they exist: after every
        # app's migrate, since auth creates reach's permissions in its own receiver.
        post_migrate.connect(grant_report_permissions, dispatch_uid="home-roles-reach")
