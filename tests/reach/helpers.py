import datetime
import json

from django.utils import timezone

from channels.reach.counting import record_hit

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Firefox/130.0"
OTHER_BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1"


def at(day: datetime.date, hour: int = 12, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def hit(page=None, *, when, address="10.0.0.1", agent=BROWSER, source="direct", utm=""):
    return record_hit(
        address=address,
        user_agent=agent,
        page_id=page.pk if page else None,
        source=source,
        utm_source=utm,
        at=when,
    )


def beacon(client, page=None, referrer="", query="", agent=BROWSER, address="10.0.0.1", **headers):
    return client.post(
        "/api/reach/hit",
        data=json.dumps({"p": page.pk if page else None, "r": referrer, "q": query}),
        content_type="text/plain;charset=UTF-8",
        HTTP_USER_AGENT=agent,
        REMOTE_ADDR=address,
        **headers,
    )
