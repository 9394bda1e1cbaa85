from django.apps import AppConfig


class LocationsConfig(AppConfig):
    """Places in Ishøj on the community map: pages, taxonomy, suggestions, GeoJSON."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "locations"
    verbose_name = "Steder"
