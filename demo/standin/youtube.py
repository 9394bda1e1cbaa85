"""YouTube Data API v3 `videos` (snippet, statistics), the YouTube Analytics API
v2 `reports` and the OAuth token endpoint."""

from __future__ import annotations

import copy
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from .state import StandinState
from .wire import Reply, Request, google_error

READ_ONLY = (
    "publishedAt",
    "channelId",
    "thumbnails",
    "channelTitle",
    "localized",
    "liveBroadcastContent",
)
UNITS = {"GET": 1, "PUT": 50}
ANALYTICS_METRICS = {"views", "engagedViews", "estimatedMinutesWatched", "likes", "comments"}


def _charge(state: StandinState, units: int) -> Reply | None:
    day = datetime.fromtimestamp(state.now(), ZoneInfo("America/Los_Angeles")).date().isoformat()
    used = state.youtube_units.get(day, 0)
    if used + units > state.config["youtube_daily_quota"]:
        return google_error(
            403,
            "quotaExceeded",
            "The request cannot be completed because you have exceeded your quota.",
        )
    state.youtube_units[day] = used + units
    return None


def handle(state: StandinState, req: Request, parts: list[str]) -> Reply:
    if parts == ["token"] and req.method == "POST":
        given = str(req.body.get("refresh_token") or "")
        if req.body.get("grant_type") != "refresh_token" or not given:
            return Reply(400, {"error": "invalid_grant", "error_description": "Bad Request"})
        with state.lock:
            state.refresh_tokens_seen.append(given)
            if given in state.config["revoked_tokens"]:
                return Reply(
                    400, {"error": "invalid_grant", "error_description": "Token has been revoked."}
                )
            body = {
                "access_token": f"standin-yt-{int(time.time())}-{len(state.refresh_tokens_seen)}",
                "expires_in": 3599,
                "scope": "https://www.googleapis.com/auth/youtube "
                "https://www.googleapis.com/auth/yt-analytics.readonly",
                "token_type": "Bearer",
            }
            rotated = state.config.get("youtube_rotated_refresh_token")
            if state.config.get("youtube_rotate_refresh_tokens"):
                # As Google may: a new refresh token in every answer, the old one retired.
                rotated = f"standin-refresh-{state.new_id()}"
                state.config["revoked_tokens"].append(given)
            if rotated:
                body["refresh_token"] = rotated
        return Reply(200, body)
    if parts == ["tokeninfo"]:
        if req.query.get("access_token", "") in state.config["revoked_tokens"]:
            return Reply(400, {"error": "invalid_token", "error_description": "Invalid Value"})
        return Reply(
            200,
            {
                "aud": "standin-client",
                "scope": "https://www.googleapis.com/auth/youtube",
                "expires_in": int(float(state.config["youtube_token_expires_in_days"]) * 86400),
            },
        )
    if parts == ["analytics", "v2", "reports"] and req.method == "GET":
        with state.lock:
            return _report(state, req)
    if parts != ["v3", "videos"]:
        return google_error(404, "notFound", "Not Found")
    with state.lock:
        over = _charge(state, UNITS.get(req.method, 1))
        if over:
            return over
        if req.method == "GET":
            part = req.query.get("part", "")
            items = []
            for video_id in req.query.get("id", "").split(","):
                video = state.videos.get(video_id)
                if video is None:
                    continue
                item = {"kind": "youtube#video", "id": video_id}
                for name in part.split(","):
                    if name in video:
                        item[name] = copy.deepcopy(video[name])
                items.append(item)
            return Reply(
                200,
                {
                    "kind": "youtube#videoListResponse",
                    "items": items,
                    "pageInfo": {"totalResults": len(items)},
                },
            )
        if req.method == "PUT":
            return _update(state, req)
    return google_error(405, "methodNotAllowed", "Method not allowed")


def _update(state: StandinState, req: Request) -> Reply:
    video_id = str(req.body.get("id", ""))
    snippet = req.body.get("snippet") or {}
    video = state.videos.get(video_id)
    if video is None:
        return google_error(
            404, "videoNotFound", "The video that you are trying to update cannot be found."
        )
    title = str(snippet.get("title") or "")
    if not title or len(title) > 100:
        return google_error(
            400, "invalidTitle", "The request metadata specifies an invalid or empty video title."
        )
    if not snippet.get("categoryId"):
        return google_error(
            400, "invalidCategoryId", "The request metadata specifies an invalid video category."
        )
    description = str(snippet.get("description") or "")
    if len(description.encode()) > 5000 or "<" in description or ">" in description:
        return google_error(
            400,
            "invalidDescription",
            "The request metadata specifies an invalid video description.",
        )
    if sum(len(t) for t in snippet.get("tags") or []) > 500:
        return google_error(
            400, "invalidTags", "The request metadata specifies invalid video keywords."
        )
    kept = {k: v for k, v in video["snippet"].items() if k in READ_ONLY}
    # Like YouTube: mutable fields left out of the request are removed.
    video["snippet"] = {**kept, **{k: v for k, v in snippet.items() if k not in READ_ONLY}}
    video["updates"] = video.get("updates", 0) + 1
    return Reply(200, {"kind": "youtube#video", "id": video_id, "snippet": video["snippet"]})


def _report(state: StandinState, req: Request) -> Reply:
    """reports.query for one video (`filters=video==ID`), as a result table."""
    query = req.query
    missing = [p for p in ("ids", "startDate", "endDate", "metrics") if not query.get(p)]
    if missing:
        return google_error(400, "required", f"Required parameter: {missing[0]}")
    if query["ids"] != "channel==MINE":
        return google_error(403, "forbidden", "Forbidden")
    metrics = query["metrics"].split(",")
    unknown = [m for m in metrics if m not in ANALYTICS_METRICS]
    if unknown:
        return google_error(
            400,
            "badRequest",
            f"Unknown identifier ({unknown[0]}) given in field parameters.metrics.",
        )
    # The Analytics API has its own quota, not the Data API's 10,000 units a day.
    video_id = query.get("filters", "").removeprefix("video==")
    video = state.videos.get(video_id)
    headers = [{"name": m, "columnType": "METRIC", "dataType": "INTEGER"} for m in metrics]
    rows: list[list[int]] = []
    if video is not None:
        views = int(int(video["statistics"].get("viewCount", "0")) * 0.9)  # Analytics lags
        figures = video.get("analytics") or {
            "views": views,
            "engagedViews": int(views * 0.7),
            "estimatedMinutesWatched": views * 2,
            "likes": int(video["statistics"].get("likeCount", "0")),
            "comments": int(video["statistics"].get("commentCount", "0")),
        }
        rows = [[int(figures.get(m, 0)) for m in metrics]]
    return Reply(
        200, {"kind": "youtubeAnalytics#resultTable", "columnHeaders": headers, "rows": rows}
    )
