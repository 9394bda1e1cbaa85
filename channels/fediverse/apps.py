from django.apps import AppConfig


class FediverseConfig(AppConfig):
    name = "channels.fediverse"
    label = "fediverse"
    verbose_name = "Fediverset"
    default_auto_field = "django.db.models.BigAutoField"
