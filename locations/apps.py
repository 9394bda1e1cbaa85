from django.apps import AppConfig


class LocationsConfig(AppConfig):
    """Places in Ishøj on the community map: pages, taxonomy, suggestions, GeoJSON."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "locations"
    verbose_name = "Steder"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from home import participation
        from locations import hub, suggestions, tasks
        from locations.models import PlaceSuggestion

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(hub.forget, dispatch_uid=f"locations-hub-{signal!r}")
            signal.connect(tasks.schedule_pictures, dispatch_uid=f"locations-picture-{signal!r}")
        post_delete.connect(hub.forget, sender=Page, dispatch_uid="locations-hub-delete")
        post_delete.connect(tasks.schedule_pictures, dispatch_uid="locations-picture-delete")
        post_save.connect(hub.forget, sender=PageViewRestriction, dispatch_uid="locations-hub-vr")
        participation.register_record(PlaceSuggestion, "submitter_email", "submitter_name")
        suggestions.connect()
        post_delete.connect(
            hub.forget, sender=PageViewRestriction, dispatch_uid="locations-hub-vrd"
        )
