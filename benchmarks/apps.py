from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """Only here so `manage.py` finds the benchmark commands; no models."""

    name = "benchmarks"
    verbose_name = "Benchmarks"
