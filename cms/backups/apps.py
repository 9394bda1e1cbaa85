from django.apps import AppConfig


class BackupsConfig(AppConfig):
    name = "cms.backups"
    label = "backups"
    verbose_name = "Sikkerhedskopier"
    default_auto_field = "django.db.models.BigAutoField"
