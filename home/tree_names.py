"""Danish names for the two roots Wagtail creates and calls "Root".

The page tree's root and the root collection are rows, not translatable
strings, yet editors read their names in the page explorer, the breadcrumbs and
every image and document chooser ("Samling: Root"). Renamed after each migrate,
only while they still carry Wagtail's default name, so a name the secretariat
chose is kept.
"""

ROOT_PAGE_TITLE = "Alle websteder"
ROOT_COLLECTION_NAME = "Fælles"
WAGTAIL_DEFAULT = "Root"


def name_roots(sender=None, **kwargs) -> None:
    from wagtail.models import Collection, Page

    Page.objects.filter(depth=1, title=WAGTAIL_DEFAULT).update(
        title=ROOT_PAGE_TITLE, draft_title=ROOT_PAGE_TITLE
    )
    Collection.objects.filter(depth=1, name=WAGTAIL_DEFAULT).update(name=ROOT_COLLECTION_NAME)
