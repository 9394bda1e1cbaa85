from django.apps import AppConfig


class BackupsConfig(AppConfig):
    name = "cms.backups"
    label = "backups"
    verbose_name = "Sikkerhedskopier"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401 - registers the system checks
