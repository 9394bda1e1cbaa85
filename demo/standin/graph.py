"""The Graph API as Facebook Pages and Instagram business accounts see it.

Today's wire format (Meta's documentation read 2026-11-30): post insights
answer with views metrics and refuse the removed impressions metrics with
error #100 for the whole request; Instagram media insights serve `views` and
refuse impressions, plays and video_views; a container is IN_PROGRESS while
Instagram processes the image and then FINISHED or ERROR (with the subcode in
`status`), EXPIRED after 24 hours unpublished.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from .state import StandinState
from .wire import Reply, Request, fetch_image, graph_error

FB_EDGES = ("feed", "photos")
IG_EDGES = ("media", "media_publish", "content_publishing_limit")
MAX_CAPTION = 2200
CONTAINER_LIFETIME = 86400
# Removed by Meta on every API version: Page/post impressions and fans on
# 15 November 2025, Instagram's impressions, plays and video_views in April 2025.
REMOVED_METRICS = frozenset(
    {
        "post_impressions",
        "post_impressions_unique",
        "post_impressions_paid",
        "post_impressions_paid_unique",
        "post_impressions_fan",
        "post_impressions_fan_unique",
        "post_impressions_organic",
        "post_impressions_organic_unique",
        "post_impressions_viral",
        "post_impressions_viral_unique",
        "post_impressions_nonviral",
        "post_impressions_nonviral_unique",
        "page_impressions",
        "page_impressions_unique",
        "page_fans",
        "impressions",
        "plays",
        "video_views",
        "clips_replays_count",
        "ig_reels_aggregated_all_plays_count",
    }
)
INVALID_METRIC = "(#100) The value must be a valid insights metric"


def platform_of(state: StandinState, parts: list[str]) -> str:
    if len(parts) >= 2 and parts[1] in IG_EDGES:
        return "instagram"
    if parts and (parts[0] in state.ig_containers or parts[0] in state.ig_media):
        return "instagram"
    return "facebook"


def handle(state: StandinState, req: Request, parts: list[str]) -> Reply:
    if parts == ["debug_token"]:
        return _debug_token(state, req)
    node, edge = parts[0], parts[1] if len(parts) > 1 else ""
    with state.lock:
        if edge == "feed" and req.method == "POST":
            return _fb_post(state, node, req.body.get("message", ""), req.body.get("link", ""))
        if edge == "feed" and req.method == "GET":
            posts = [p for p in state.fb_posts.values() if p["page"] == node and not p["deleted"]]
            data = [
                {
                    "id": p["id"],
                    "message": p["message"],
                    "link": p["link"],
                    "created_time": _graph_time(p["created"]),
                }
                for p in reversed(posts)
            ]
            return Reply(200, _page(data, req))
        if edge == "photos" and req.method == "POST":
            image = fetch_image(req.body.get("url", ""))
            if image.error or not image.width:
                return graph_error(
                    400,
                    324,
                    "(#324) Requires upload file: could not fetch or read the image at url",
                )
            if image.size > 10 * 1024 * 1024:
                return graph_error(400, 100, "(#100) Photo is too large")
            reply = _fb_post(
                state, node, req.body.get("caption", ""), "", photo=req.body.get("url", "")
            )
            photo_id = state.new_id()
            return Reply(200, {"id": photo_id, "post_id": reply.body["id"]})
        if edge == "media" and req.method == "POST":
            return _ig_container(state, node, req)
        if edge == "media" and req.method == "GET":
            media = [m for m in state.ig_media.values() if m["owner"] == node]
            data = [
                {
                    "id": m["id"],
                    "caption": m["caption"],
                    "permalink": m["permalink"],
                    "timestamp": _graph_time(m["published"]),
                }
                for m in reversed(media)
            ]
            return Reply(200, _page(data, req))
        if edge == "media_publish" and req.method == "POST":
            return _ig_publish(state, node, str(req.body.get("creation_id", "")))
        if edge == "content_publishing_limit":
            return _publishing_limit(state, node, req)
        if edge == "insights":
            return _insights(state, node, req.query.get("metric", ""))
        if edge == "":
            return _node(state, node, req)
    return graph_error(400, 100, f"(#100) Unknown path components: /{edge}")


def _graph_time(stamp: float) -> str:
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def _page(items: list[dict], req: Request) -> dict:
    """Cursor paging as Graph does it: `limit`, `after`, and `paging.cursors.after`."""
    limit = min(int(req.query.get("limit", 25)), 100)
    start = int(req.query.get("after") or 0)
    body: dict = {"data": items[start : start + limit]}
    if start + limit < len(items):
        body["paging"] = {"cursors": {"after": str(start + limit)}}
    return body


def _debug_token(state: StandinState, req: Request) -> Reply:
    """GET /debug_token?input_token=…: metadata about the inspected token, as Meta answers."""
    inspected = req.query.get("input_token", "")
    if not inspected:
        return graph_error(400, 100, "(#100) The parameter input_token is required")
    is_instagram = "instagram" in inspected
    scopes = (
        ["instagram_basic", "instagram_content_publish", "instagram_manage_insights"]
        if is_instagram
        else ["pages_manage_posts", "pages_read_engagement", "read_insights"]
    )
    data: dict = {
        "app_id": "100000000000001",
        "type": "USER" if is_instagram else "PAGE",
        "application": "Vores Ishøj",
        "data_access_expires_at": _expiry(state, "data_access_expires_in_days"),
        "expires_at": _expiry(state, "token_expires_in_days"),
        "is_valid": inspected not in state.config["revoked_tokens"],
        "issued_at": int(state.now() - 86400),
        "scopes": scopes,
        "granular_scopes": [{"scope": scope} for scope in scopes],
        "user_id": "100000000000002",
    }
    if not is_instagram:
        data["profile_id"] = "1000000001"
    return Reply(200, {"data": data})


def _publishing_limit(state: StandinState, user: str, req: Request) -> Reply:
    """`quota_usage` by default; `config` too when asked for in `fields`."""
    fields = (req.query.get("fields") or "quota_usage").split(",")
    item: dict = {"quota_usage": state.ig_published_last_day(user)}
    if "config" in fields:
        item["config"] = {
            "quota_total": state.config["instagram_quota_total"],
            "quota_duration": 86400,
        }
    return Reply(200, {"data": [item]})


def _expiry(state: StandinState, key: str) -> int:
    """A unix time `config[key]` days ahead; 0 (never) when the config says None."""
    days = state.config.get(key)
    return 0 if days is None else int(state.now() + float(days) * 86400)


def _fb_post(state: StandinState, page: str, message: str, link: str, photo: str = "") -> Reply:
    if not message and not link:
        return graph_error(400, 100, "(#100) Missing message or attachment")
    if len(message) > 63206:
        return graph_error(400, 100, "(#100) The message is too long")
    post_id = f"{page}_{state.new_id()}"
    state.fb_posts[post_id] = {
        "id": post_id,
        "page": page,
        "message": message,
        "link": link,
        "photo": photo,
        "deleted": False,
        "created": state.now(),
        "edits": 0,
    }
    return Reply(200, {"id": post_id})


def _ig_container(state: StandinState, user: str, req: Request) -> Reply:
    caption = str(req.body.get("caption", ""))
    if len(caption) > MAX_CAPTION:
        return graph_error(400, 100, "The caption is too long.", subcode=2207010)
    if len(re.findall(r"(?<!\w)#\w+", caption)) > 30:
        return graph_error(400, 100, "Too many hashtags in the caption.", subcode=2207010)
    if len(re.findall(r"(?<![\w@])@[\w.]+", caption)) > 20:
        return graph_error(400, 100, "Too many mentions in the caption.", subcode=2207010)
    url = str(req.body.get("image_url", ""))
    if state.config["fetch_media"]:
        image = fetch_image(url)
        if image.error or not image.width:
            return graph_error(
                400, 9004, f"The media could not be fetched from this uri: {url}", subcode=2207052
            )
        if not image.is_jpeg:
            return graph_error(
                400,
                9004,
                "Only photo or video can be accepted as media type. "
                "The image format is not supported (JPEG only).",
                subcode=2207026,
            )
        if image.size > 8 * 1024 * 1024:
            return graph_error(400, 36001, "The image is too large.", subcode=2207004)
        aspect = image.width / image.height
        if not 0.795 <= aspect <= 1.915:
            return graph_error(400, 36003, "The aspect ratio is not supported.", subcode=2207009)
    container = state.new_id()
    state.ig_containers[container] = {
        "id": container,
        "owner": user,
        "caption": caption,
        "image_url": url,
        "created": state.now(),
        "error_subcode": state.config["ig_container_error_subcode"],
        "media": None,
    }
    return Reply(200, {"id": container})


def container_status(state: StandinState, container: dict) -> tuple[str, str]:
    """(status_code, status) of a container at the stand-in's current time."""
    age = state.now() - container["created"]
    if container["media"]:
        return "PUBLISHED", "Published"
    if age >= CONTAINER_LIFETIME:
        return "EXPIRED", "Expired"
    if age < float(state.config["ig_processing_seconds"]):
        return "IN_PROGRESS", "In Progress"
    if container["error_subcode"]:
        return (
            "ERROR",
            f"Error: Media upload has failed with error code {container['error_subcode']}",
        )
    return "FINISHED", "Finished"


def _ig_publish(state: StandinState, user: str, creation_id: str) -> Reply:
    container = state.ig_containers.get(creation_id)
    if container is None or container["owner"] != user:
        return graph_error(400, 100, "(#100) Param creation_id is not a valid container")
    code, _ = container_status(state, container)
    if code == "PUBLISHED":
        return graph_error(400, 9007, "The media has already been published.", subcode=2207027)
    if code == "EXPIRED":
        return graph_error(
            400,
            -2,
            "The media you are trying to access has expired. Please try to upload again.",
            subcode=2207020,
        )
    if code != "FINISHED":
        return graph_error(400, 9007, "Media ID is not available", subcode=2207027)
    if state.ig_published_last_day(user) >= state.config["instagram_quota_total"]:
        return graph_error(
            400, 9, "Maximum number of posts published in 24 hours reached.", subcode=2207042
        )
    media_id = state.new_id()
    container["media"] = media_id
    state.ig_media[media_id] = {
        "id": media_id,
        "owner": user,
        "caption": container["caption"],
        "permalink": f"https://www.instagram.com/p/SI{media_id}/",
        "published": state.now(),
        "image_url": container["image_url"],
    }
    return Reply(200, {"id": media_id})


def _insights(state: StandinState, node: str, metrics: str) -> Reply:
    """Lifetime insights; one removed or unknown metric fails the whole request (#100)."""
    known: dict[str, int | None] = {}
    if node in state.fb_posts:
        post = state.fb_posts[node]
        unique = 40 + len(post["message"]) % 100
        known = {"post_total_media_view_unique": unique, "post_media_view": unique + 25}
        known.update(_seeded(state, "facebook", node, post["link"], post["message"]))
    elif node in state.ig_media:
        # 'saved' is a valid metric Instagram has no figure for yet: left out of `data`.
        known = {"reach": 30, "views": 45, "likes": 7, "comments": 2, "saved": None}
        known.update(_seeded(state, "instagram", node, state.ig_media[node]["caption"]))
    else:
        known = _restored(state, node)
        if not known:
            return graph_error(400, 100, f"(#100) Object with ID '{node}' does not exist")
    asked = [m for m in metrics.split(",") if m]
    if not asked:
        return graph_error(
            400,
            3001,
            "No metric was specified to be fetched. Please specify one or more metrics to be "
            "fetched and try again.",
            subcode=1504028,
        )
    removed = REMOVED_METRICS | set(state.config["removed_metrics"])
    if any(m in removed or m not in known for m in asked):
        return graph_error(400, 100, INVALID_METRIC)
    data = [
        {
            "name": m,
            "period": "lifetime",
            "values": [{"value": known[m]}],
            "title": m,
            "id": f"{node}/insights/{m}/lifetime",
        }
        for m in asked
        if known[m] is not None
    ]
    return Reply(200, {"data": data})


SEEDED_METRICS = {
    "facebook": ("post_total_media_view_unique", "post_media_view"),
    "instagram": ("reach", "views", "likes", "comments"),
}


def _seeded(state: StandinState, channel: str, node: str, *texts: str) -> dict[str, int | None]:
    """The demo history's figures for this post's story (demo.standin.seed), if any."""
    seed_file = state.config.get("reach_seed_file")
    if not seed_file:
        return {}
    state.reach_seed.use(Path(seed_file))
    figures = state.reach_seed.figures(channel, state.now(), texts=texts, external_id=node) or {}
    return {name: figures[name] for name in SEEDED_METRICS[channel] if name in figures}


def _restored(state: StandinState, node: str) -> dict[str, int | None]:
    """A post from before the stand-in restarted, known by its id from the demo's history."""
    facebook = _seeded(state, "facebook", node)
    if len(facebook) == len(SEEDED_METRICS["facebook"]):
        return facebook
    instagram = _seeded(state, "instagram", node)
    if len(instagram) == len(SEEDED_METRICS["instagram"]):
        return {**instagram, "saved": None}
    return {}


def _node(state: StandinState, node: str, req: Request) -> Reply:
    if node in state.ig_containers and req.method == "GET":
        code, status = container_status(state, state.ig_containers[node])
        return Reply(200, {"id": node, "status_code": code, "status": status})
    if node in state.ig_media:
        if req.method != "GET":
            return graph_error(
                400,
                100,
                "(#100) Unsupported request: Instagram media cannot "
                "be changed or deleted through this API",
            )
        media = state.ig_media[node]
        return Reply(
            200, {"id": node, "permalink": media["permalink"], "caption": media["caption"]}
        )
    post = state.fb_posts.get(node)
    if post is None or post["deleted"]:
        return graph_error(
            400,
            100,
            f"Unsupported {req.method.lower()} request. Object with ID '{node}' does not exist",
            subcode=33,
            kind="GraphMethodException",
        )
    if req.method == "DELETE":
        post["deleted"] = True
        return Reply(200, {"success": True})
    if req.method == "POST":
        post["message"] = req.body.get("message", post["message"])
        post["edits"] += 1
        return Reply(200, {"success": True})
    return Reply(
        200,
        {
            "id": node,
            "message": post["message"],
            "link": post["link"],
            "permalink_url": f"https://www.facebook.com/{node}",
        },
    )
