from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Only here so `manage.py` finds load_demo and run_platform_standin; no models."""

    name = "demo"
    verbose_name = "Demo"
