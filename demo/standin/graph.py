"""The Graph API as Facebook Pages and Instagram business accounts see it."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from .state import StandinState
from .wire import Reply, Request, fetch_image, graph_error

FB_EDGES = ("feed", "photos")
IG_EDGES = ("media", "media_publish", "content_publishing_limit")
MAX_CAPTION = 2200


def platform_of(state: StandinState, parts: list[str]) -> str:
    if len(parts) >= 2 and parts[1] in IG_EDGES:
        return "instagram"
    if parts and (parts[0] in state.ig_containers or parts[0] in state.ig_media):
        return "instagram"
    return "facebook"


def handle(state: StandinState, req: Request, parts: list[str]) -> Reply:
    if parts == ["debug_token"]:
        return Reply(
            200,
            {
                "data": {
                    "is_valid": True,
                    "expires_at": _expiry(state, "token_expires_in_days"),
                    "data_access_expires_at": _expiry(state, "data_access_expires_in_days"),
                    "scopes": ["pages_manage_posts"],
                }
            },
        )
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
            return Reply(
                200,
                {
                    "data": [
                        {
                            "quota_usage": state.ig_published_last_day(node),
                            "config": {
                                "quota_total": state.config["instagram_quota_total"],
                                "quota_duration": 86400,
                            },
                        }
                    ]
                },
            )
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
        "polls": 0,
        "media": None,
    }
    return Reply(200, {"id": container})


def _ig_publish(state: StandinState, user: str, creation_id: str) -> Reply:
    container = state.ig_containers.get(creation_id)
    if container is None or container["owner"] != user:
        return graph_error(400, 100, "(#100) Param creation_id is not a valid container")
    if container["media"]:
        return graph_error(400, 9007, "The media has already been published.", subcode=2207027)
    if container["polls"] < state.config["ig_status_polls"]:
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
    known: dict[str, int] = {}
    if node in state.fb_posts:
        text = state.fb_posts[node]["message"]
        known = {"post_impressions_unique": 40 + len(text) % 100, "views": 60 + len(text) % 150}
    elif node in state.ig_media:
        known = {"reach": 30, "views": 45, "likes": 7, "comments": 2}  # 'saved' not reported
    else:
        return graph_error(400, 100, f"(#100) Object with ID '{node}' does not exist")
    data = [
        {"name": m, "period": "lifetime", "values": [{"value": known[m]}]}
        for m in metrics.split(",")
        if m in known
    ]
    return Reply(200, {"data": data})


def _node(state: StandinState, node: str, req: Request) -> Reply:
    if node in state.ig_containers and req.method == "GET":
        container = state.ig_containers[node]
        container["polls"] += 1
        done = container["polls"] >= state.config["ig_status_polls"]
        return Reply(200, {"id": node, "status_code": "FINISHED" if done else "IN_PROGRESS"})
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
