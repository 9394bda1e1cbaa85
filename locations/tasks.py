"""Background work of the community map: the front page's map picture."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task
from wagtail.models import Site

from locations import hub
from locations.models import MapPage, PlacePage


@task()
def render_map_pictures() -> list[str]:
    """Draw each site's teaser picture anew if its places changed."""
    names = [hub.render_picture(site) for site in Site.objects.all()]
    return [name for name in names if name]


def schedule_pictures(sender=None, instance=None, **kwargs) -> None:
    """A place or the map was published, unpublished, moved or deleted: draw
    the picture again once the change is committed (never in the request)."""
    page = instance if instance is not None else kwargs.get("page")
    if isinstance(page, (PlacePage, MapPage)) or sender in (PlacePage, MapPage):
        transaction.on_commit(render_map_pictures.enqueue)
