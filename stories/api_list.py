"""The plain story list answered from a query compiled once per shape.

Municipal sites poll the same few lists (the newest 20, page by page, per
language). With every item kept per published revision (stories/api.py),
what such a list still cost was building its query through the ORM (the
public-page and translation-root subqueries), compiling it twice (the page
and the COUNT), running the COUNT over the whole archive and building a model
instance per story: about three quarters of its time. The list's SQL depends
only on its shape (the site, the language filter, the order), so it is
compiled once per shape and process and run with the page's LIMIT and
OFFSET; the total is counted once per fragment generation (renewed whenever
a page is published, unpublished, moved or deleted, or a view restriction
changes). Which stories are on the page is still decided by the database on
every request, so a story unpublished or restricted since is left out at once.
"""

from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from rest_framework.response import Response

from home.languages import locale_ids
from home.page_chrome import fragment_generation
from home.sites import site_for_request

# What a list may be asked with and still be a plain list of the site's public
# stories: anything else (a search, a filter, another site) takes Wagtail's path.
PLAIN_PARAMETERS = frozenset({"type", "limit", "offset", "fields", "order", "locale"})
# Bounds how long a count missed by another process (a local cache) can stay
# wrong; the items' own bound (stories.api.REPRESENTATION_TIMEOUT).
TOTAL_TIMEOUT = 300
# Shapes kept per process; arbitrary `order=` values must not grow it forever.
MAX_SHAPES = 256
# The columns a page reads: the key of each story's kept item.
KEY_COLUMNS = ("pk", "live_revision_id", "last_published_at")


def list_shape(view) -> tuple | None:
    """What a story list's SQL depends on, or None if it is not a plain list
    of the site's public stories for a client without a session."""
    asked = view.request.GET
    if asked.get("type") != "stories.StoryPage" or not PLAIN_PARAMETERS.issuperset(asked):
        return None
    order = asked.get("order", "")
    if "random" in order or not view.anonymous():
        return None
    site = site_for_request(view.request._request)
    if site is None:
        return None
    code = asked.get("locale")
    locale = locale_ids().get(code) if code is not None else None
    if code is not None and locale is None:
        return None  # an unknown language is refused on Wagtail's path
    return (
        view.queryset_db(),
        settings.WAGTAIL_I18N_ENABLED,
        site.pk,
        site.root_page_id,
        locale,
        order,
    )


def total_key(shape: tuple) -> str:
    """The cache key of a list's total: its shape without the order."""
    return "api-story-total:{}:{}".format(fragment_generation(), ":".join(map(str, shape[:-1])))


@dataclass(frozen=True)
class PreparedList:
    """A list's page and count SQL with their parameters, and how to read
    the page's columns as Django would (e.g. SQLite's text timestamps)."""

    alias: str
    page_sql: str
    page_params: tuple
    count_sql: str
    count_params: tuple
    converters: tuple

    @classmethod
    def of(cls, queryset) -> "PreparedList":
        keys = queryset.values_list(*KEY_COLUMNS)
        compiler = keys.query.get_compiler(using=keys.db)
        page_sql, page_params = compiler.as_sql()
        columns = [column for column, _sql, _alias in compiler.select[: compiler.col_count]]
        converters = tuple(compiler.get_converters(columns).items())
        unordered = queryset.order_by().values("pk")
        inner_sql, count_params = unordered.query.get_compiler(using=keys.db).as_sql()
        return cls(
            alias=keys.db,
            page_sql=page_sql + " LIMIT %s OFFSET %s",
            page_params=tuple(page_params),
            count_sql=f"SELECT COUNT(*) FROM ({inner_sql}) listed",
            count_params=tuple(count_params),
            converters=converters,
        )

    def page(self, limit: int, offset: int) -> list[list]:
        connection = connections[self.alias]
        with connection.cursor() as cursor:
            cursor.execute(self.page_sql, (*self.page_params, limit, offset))
            rows = [list(row) for row in cursor.fetchall()]
        for row in rows:
            for position, (functions, expression) in self.converters:
                value = row[position]
                for convert in functions:
                    value = convert(value, expression, connection)
                row[position] = value
        return rows

    def count(self) -> int:
        with connections[self.alias].cursor() as cursor:
            cursor.execute(self.count_sql, self.count_params)
            return cursor.fetchone()[0]


_prepared: dict[tuple, PreparedList] = {}


def remember(shape: tuple, queryset) -> None:
    """Keep the SQL of a list Wagtail's path has just answered (its parameters
    checked, its filters and order applied) for the next request of that shape."""
    if shape in _prepared:
        return
    if len(_prepared) >= MAX_SHAPES:
        _prepared.clear()
    _prepared[shape] = PreparedList.of(queryset)


def known_total(shape: tuple, count) -> int:
    """The list's total from the cache, else `count()` kept for the generation."""
    key = total_key(shape)
    total = cache.get(key)
    if total is None:
        total = count()
        cache.set(key, total, TOTAL_TIMEOUT)
    return total


def answer(view) -> Response | None:
    """The list's response if its shape was prepared and every story on the
    page has its item kept; None to take Wagtail's path (which keeps them)."""
    shape = list_shape(view)
    prepared = _prepared.get(shape) if shape is not None else None
    if prepared is None:
        return None
    asked = view.request.GET
    # Checked and clamped (home.api.clamped_query); the default as Wagtail's.
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
    limit = int(asked.get("limit", min(20, limit_max) if limit_max else 20))
    offset = int(asked.get("offset", 0))
    rows = prepared.page(limit, offset)
    if not rows:
        return None  # nothing to show proves `fields` was valid: Wagtail checks it
    generation = fragment_generation()
    item_shape = view.representation_shape()
    keys = [view.representation_key(*row, generation, item_shape) for row in rows]
    kept = cache.get_many(keys)
    if len(kept) != len(keys):
        return None
    total = known_total(shape, prepared.count)
    meta = OrderedDict([("total_count", total)])
    return Response(OrderedDict([("meta", meta), ("items", [kept[key] for key in keys])]))
