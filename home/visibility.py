"""Public-page filtering in the same query as the list it filters.

Wagtail's `PageQuerySet.public()` first loads every view restriction in a
query of its own; a page that shows three lists pays for it three times.
A correlated subquery gives the same answer without the extra round trips.
"""

from django.db.models import BooleanField, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction


def not_restricted() -> Q:
    """Pages with no view restriction on themselves or any ancestor.

    The subquery reads the restrictions (a handful) and each one's page by its
    key. Written as a join of restrictions to pages, SQLite read every page
    of the site for every page it checked: 10,000 stories made one list take
    seconds.
    """
    page = Page.objects.filter(pk=OuterRef("page_id")).order_by()
    restricted_path = Subquery(page.values("path"))
    restricted_ancestor = PageViewRestriction.objects.annotate(
        restricted_path=restricted_path
    ).filter(restricted_path=Substr(OuterRef("path"), 1, Length("restricted_path")))
    return ~Q(Exists(restricted_ancestor))


# The page's own table is "wagtailcore_page" in the query (Django names the
# first join of a table after it); the subqueries' tables have aliases of their own.
_RESTRICTED_OR_ALIASED_ON_PATH = """(
    EXISTS (
        SELECT 1 FROM wagtailcore_pageviewrestriction restriction
        INNER JOIN wagtailcore_page restricted ON restricted.id = restriction.page_id
        WHERE substr(wagtailcore_page.path, 1, length(restricted.path)) = restricted.path
    )
    OR EXISTS (
        SELECT 1 FROM wagtailcore_page alias
        WHERE alias.alias_of_id IS NOT NULL
        AND substr(wagtailcore_page.path, 1, length(alias.path)) = alias.path
    )
)"""


def restricted_or_aliased_on_path() -> RawSQL:
    """Whether the page or an ancestor has a view restriction or is an alias.

    Wagtail checks a page's view restrictions before serving it in two
    queries of their own (its ancestors, then their restrictions, an alias's
    taken from its source page). Read as a column of the query that fetches
    the page, this says when there is nothing to check: no restriction on
    the path, and no alias whose source could bring one (home.routing).
    Written as SQL: built from ORM expressions, compiling it cost the story
    page more than the two queries it saves. One page is checked, so the
    join that made not_restricted() slow for lists costs nothing here.
    """
    return RawSQL(_RESTRICTED_OR_ALIASED_ON_PATH, (), output_field=BooleanField())


def as_queryset(related) -> QuerySet:
    """A page's modelcluster relation as a real queryset.

    On a preview or an old revision the relation is modelcluster's in-memory
    FakeQuerySet, which has no `live()`, `public()` or `annotate()`; the
    saved rows it names are what such a page can show.
    """
    rows = related.all()
    if isinstance(rows, QuerySet):
        return rows
    return rows.model._default_manager.filter(pk__in=[row.pk for row in rows if row.pk])
