"""What bench_scale runs inside one archive's own database: build it, name
the pages to measure with their query counts, and show the listing queries'
plans. Kept apart from the command, which never opens these databases itself."""

import math
import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from benchmarks.archive import grow_archive, story_index
from stories.models import StoryTopic
from stories.models.story import STORIES_PER_PAGE

TOPIC = "natur"
API_LIST = "/api/v2/pages/?type=stories.StoryPage&limit=20"
# The tables whose queries the plans are shown for: the listings' own.
LISTING_TABLES = ("stories_storypage", "stories_storytopic", "stories_storyindexpage", "taggit_tag")


def build(size: int) -> None:
    grow_archive(size)
    with connection.cursor() as cursor:
        # Fresh statistics, as autovacuum (PostgreSQL) or a nightly ANALYZE would
        # leave them; without them a bulk-loaded table gets a plan for an empty one.
        cursor.execute("ANALYZE")


def pages() -> dict[str, tuple[str, int]]:
    """Label → (URL, page number) of what the benchmark asks for."""
    index = story_index()
    counts = dict(StoryTopic.objects.filter(index=index).values_list("tag__slug", "story_count"))
    tag = Tag.objects.get(name=TOPIC)
    last = max(1, math.ceil(counts[None] / STORIES_PER_PAGE))
    topic_last = max(1, math.ceil(counts[tag.slug] / STORIES_PER_PAGE))
    middle = max(1, last // 2)
    url = index.url
    return {
        "Historieoversigt, side 1": (url, 1),
        "Emnefilter (natur)": (f"{url}?emne={tag.slug}", 1),
        "Sidste side": (f"{url}?side={last}", last),
        "Emnefilter, sidste side": (f"{url}?emne={tag.slug}&side={topic_last}", topic_last),
        "API-liste (20 historier)": (API_LIST, 1),
        "Midterste side": (f"{url}?side={middle}", middle),
    }


def _capture(client: Client, url: str) -> list[str]:
    for _ in range(2):  # renditions and the site's settings are made on the first views
        client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} svarede {response.status_code}")
    return [query["sql"] for query in ctx.captured_queries]


def urls_and_queries() -> dict:
    client = Client()
    return {
        label: {"url": url, "page": page, "queries": len(_capture(client, url))}
        for label, (url, page) in pages().items()
    }


def _short(sql: str) -> str:
    """The query without its long column list, as the plans in docs/deploy.md show it."""
    return re.sub(r"^SELECT (?!COUNT).*? FROM ", "SELECT … FROM ", sql, count=1)


def plans() -> str:
    client = Client()
    postgres = connection.vendor == "postgresql"
    explain = "EXPLAIN (ANALYZE, COSTS OFF) " if postgres else "EXPLAIN QUERY PLAN "
    out = []
    for label, (url, _page) in pages().items():
        if label == "Midterste side":
            continue
        out.append(f"## {label}: {url}\n")
        for sql in _capture(client, url):
            if not any(f'FROM "{table}"' in sql for table in LISTING_TABLES):
                continue
            with connection.cursor() as cursor:
                cursor.execute(explain + sql)
                rows = cursor.fetchall()
            plan = "\n".join(row[0] if postgres else " | ".join(map(str, row)) for row in rows)
            out.append(f"{_short(sql)}\n\n{plan}\n")
    return "\n".join(out)
