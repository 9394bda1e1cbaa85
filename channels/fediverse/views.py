"""Discovery, actors, collections and the inbox, as Mastodon and Gancio expect them."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from . import tasks
from .actors import AS_CONTEXT, actor_document, actors, by_handle, domain, landing_url
from .delivery import public_payload
from .inbox import Refusal, handle, verify
from .models import Activity, Follower
from .signatures import SignedRequest

ACTIVITY_JSON = "application/activity+json"
JRD_JSON = "application/jrd+json"
PAGE_SIZE = 20
NODEINFO_SCHEMA = "http://nodeinfo.diaspora.software/ns/schema/2.1"


def _json(data: dict, content_type: str = ACTIVITY_JSON, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, content_type=content_type)
    response["Access-Control-Allow-Origin"] = "*"
    response["Vary"] = "Accept"
    return response


def wants_activity_json(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "")
    return "application/activity+json" in accept or (
        "application/ld+json" in accept and "activitystreams" in accept
    )


def _actor_or_404(key: str):
    actor = actors().get(key)
    if actor is None:
        raise Http404("no such actor")
    return actor


@require_GET
def webfinger(request: HttpRequest) -> HttpResponse:
    resource = request.GET.get("resource", "")
    match = re.fullmatch(r"(?:acct:)?@?([^@\s]{1,64})@([^@\s]{1,253})", resource)
    actor = None
    if match and match.group(2).lower() == domain().lower():
        actor = by_handle(match.group(1))
    if actor is None:
        actor = next((a for a in actors().values() if a.id == resource), None)
    if actor is None:
        return _json({"error": "unknown resource"}, JRD_JSON, status=404)
    return _json(
        {
            "subject": f"acct:{actor.handle}@{domain()}",
            "aliases": [actor.id, landing_url(actor)],
            "links": [
                {"rel": "self", "type": ACTIVITY_JSON, "href": actor.id},
                {
                    "rel": "http://webfinger.net/rel/profile-page",
                    "type": "text/html",
                    "href": landing_url(actor),
                },
            ],
        },
        JRD_JSON,
    )


@require_GET
def nodeinfo_links(request: HttpRequest) -> HttpResponse:
    return _json(
        {
            "links": [
                {
                    "rel": NODEINFO_SCHEMA,
                    "href": request.build_absolute_uri(reverse("fediverse:nodeinfo")),
                }
            ]
        },
        "application/json",
    )


@require_GET
def nodeinfo(request: HttpRequest) -> HttpResponse:
    return _json(
        {
            "version": "2.1",
            "software": {
                "name": "voresishoj",
                "version": "1.0",
                "homepage": settings.WAGTAILADMIN_BASE_URL,
            },
            "protocols": ["activitypub"],
            "services": {"inbound": [], "outbound": []},
            "openRegistrations": False,
            "usage": {
                "users": {"total": len(actors()), "activeMonth": len(actors())},
                "localPosts": Activity.objects.filter(kind="Create").count(),
            },
            "metadata": {"nodeName": "Vores Ishøj"},
        },
        f'application/json; profile="{NODEINFO_SCHEMA}#"',
    )


@require_GET
def actor_view(request: HttpRequest, key: str) -> HttpResponse:
    actor = _actor_or_404(key)
    if not wants_activity_json(request):
        # People get the site's own page for the actor (Det sker, Historier).
        response = redirect(landing_url(actor))
        response["Vary"] = "Accept"
        return response
    return _json(actor_document(actor))


@require_GET
def outbox(request: HttpRequest, key: str) -> HttpResponse:
    actor = _actor_or_404(key)
    deleted = Activity.objects.filter(actor=key, kind="Delete").values("object_id")
    items = Activity.objects.in_outbox(key).filter(kind="Create").exclude(object_id__in=deleted)
    url = actor.outbox
    page_number = request.GET.get("page")
    if page_number is None:
        return _json(
            {
                "@context": AS_CONTEXT,
                "id": url,
                "type": "OrderedCollection",
                "totalItems": items.count(),
                "first": f"{url}?page=1",
            }
        )
    paginator = Paginator(items, PAGE_SIZE)
    if not page_number.isdigit() or not 1 <= int(page_number) <= max(paginator.num_pages, 1):
        raise Http404("no such page")
    page = paginator.page(int(page_number))
    data = {
        "@context": AS_CONTEXT,
        "id": f"{url}?page={page.number}",
        "type": "OrderedCollectionPage",
        "partOf": url,
        "orderedItems": [public_payload(a) for a in page.object_list],
    }
    if page.has_next():
        data["next"] = f"{url}?page={page.next_page_number()}"
    if page.has_previous():
        data["prev"] = f"{url}?page={page.previous_page_number()}"
    return _json(data)


@require_GET
def followers(request: HttpRequest, key: str) -> HttpResponse:
    """The count only: who follows whom is the followers' business, not a stranger's."""
    actor = _actor_or_404(key)
    return _json(
        {
            "@context": AS_CONTEXT,
            "id": actor.followers,
            "type": "OrderedCollection",
            "totalItems": Follower.objects.of(key).count(),
        }
    )


def _read_body(request: HttpRequest) -> bytes:
    limit = settings.FEDIVERSE_INBOX_MAX_BYTES
    try:
        declared = int(request.headers.get("Content-Length") or 0)
    except ValueError as error:
        raise Refusal(400, "bad Content-Length") from error
    if declared > limit:
        raise Refusal(413, "too large")
    body = request.read(limit + 1)
    if len(body) > limit:
        raise Refusal(413, "too large")
    return body


def _receive(request: HttpRequest, key: str | None) -> HttpResponse:
    addressed_to = _actor_or_404(key) if key else None
    try:
        body = _read_body(request)
        signed = SignedRequest(
            request.method or "POST",
            request.build_absolute_uri(),
            {name: value for name, value in request.headers.items()},
        )
        verified = verify(signed, body)
        accept = handle(verified, addressed_to)
    except Refusal as refusal:
        return _json({"error": refusal.reason}, "application/json", status=refusal.status)
    if accept is not None:
        actor_key, activity = accept
        tasks.send_accept.enqueue(actor_key, verified.actor["inbox"], activity, verified.scheme)
    return HttpResponse(status=202)


@csrf_exempt
@require_POST
def inbox(request: HttpRequest, key: str) -> HttpResponse:
    return _receive(request, key)


@csrf_exempt
@require_POST
def shared_inbox(request: HttpRequest) -> HttpResponse:
    return _receive(request, None)


@require_GET
def object_view(request: HttpRequest, page_id: int) -> HttpResponse:
    """An event or story as last sent; Gone once it was withdrawn."""
    latest = Activity.objects.filter(page_id=page_id).order_by("-pk").first()
    if latest is None:
        raise Http404("never sent")
    if latest.kind == "Delete":
        return _json({"error": "deleted"}, "application/json", status=410)
    obj = latest.payload.get("object") or {}
    if not wants_activity_json(request) and obj.get("url"):
        return redirect(obj["url"])
    return _json(obj)


@require_GET
def activity_view(request: HttpRequest, uuid) -> HttpResponse:
    entry = Activity.objects.filter(uuid=uuid).first()
    if entry is None:
        raise Http404("no such activity")
    return _json(public_payload(entry))
