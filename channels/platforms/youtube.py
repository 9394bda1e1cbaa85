"""The description of a YouTube video a story names (YouTube Data API v3).

The API replaces the whole snippet on update and deletes mutable fields that
are left out, so the current snippet is read, only our block in the
description is changed, and the whole snippet is written back: title,
category and tags survive. The block is marked, so an update replaces it and
a withdrawal removes it without touching the rest of the description.

Reach per video comes from two places (read 2026-11-30, docs/channels.md):
`videos.list` statistics, the public figure of the day, and the YouTube
Analytics API (`reports.query`), which lags two to three days but also gives
`engagedViews`, the view count as defined before YouTube changed how Shorts
views are counted (31 March 2025). `videos.list` books its unit with the quota
governor; `reports.query` belongs to another API with its own quota and is not
booked against the Data API's day (see UNITS_ANALYTICS_QUERY). Google's error
shape is mapped here.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from channels.governor import QuotaPaused, governor
from channels.http import KIND_TEXT_DA, ErrorKind, PlatformClient, PlatformError
from home.sharing import SharedContent, parse_video_url

from .base import ChannelBackend, Metric, Post, PostRecord, PostResult, Problem, ReachResult
from .google_oauth import GoogleLogin, access_token

MAX_DESCRIPTION_BYTES = 5_000
MAX_TITLE_CHARS = 100
MAX_TAGS_CHARS = 500
BLOCK_START = "── Fra Vores Ishøj ──"
BLOCK_END = "── ──"
READ_ONLY_SNIPPET_FIELDS = (
    "publishedAt",
    "channelId",
    "thumbnails",
    "channelTitle",
    "localized",
    "liveBroadcastContent",
)
# Unit costs from "YouTube Data API (v3) – Quota Calculator".
DAILY_QUOTA = 10_000
"""YouTube's default daily quota in units (OPTIONS DAILY_QUOTA for a larger one)."""
UNITS_UPDATE = 50
UNITS_LIST = 1
# Read 2026-12-01: the Quota Calculator (developers.google.com/youtube/v3/
# determine_quota_cost) prices only the Data API's own methods against its
# 10,000 units a day, and the Analytics API's reports.query reference
# (developers.google.com/youtube/analytics/reference/reports/query) names no
# unit cost and no shared quota. The Analytics API is a separate API
# (youtubeanalytics.googleapis.com) whose limits Google Cloud shows per API, so a
# report costs the Data API's day nothing; when Analytics itself says
# quotaExceeded or rateLimitExceeded, that answer is the limit (google_error).
UNITS_ANALYTICS_QUERY = 0
PACIFIC = ZoneInfo("America/Los_Angeles")  # YouTube's quota day resets at Pacific midnight
SHORTS_VIEWS_CHANGED = date(2025, 3, 31)
SHORTS_NOTE_DA = (
    "Siden 31.03.2025 tæller YouTube en visning af en Short, hver gang den starter eller "
    "afspilles igen; den gamle måling hedder nu 'engagedViews'. I august 2026 meddelte "
    "YouTube, at alle formater tælles sådan."
)
ANALYTICS_METRICS = ("views", "engagedViews", "estimatedMinutesWatched")
FIRST_DAY = date(2005, 4, 23)  # the first YouTube video; no report starts earlier

logger = logging.getLogger("voresishoj.channels")


def merge_description(current: str, block: str | None) -> str:
    """`current` with our block replaced by `block` (or removed when None)."""
    before, sep, rest = current.partition(BLOCK_START)
    after = rest.partition(BLOCK_END)[2] if sep else ""
    base = (before + after.lstrip("\n")).rstrip() if sep else current.rstrip()
    if block is None:
        return base
    ours = f"{BLOCK_START}\n{block}\n{BLOCK_END}"
    return f"{base}\n\n{ours}" if base else ours


class YouTubeBackend(ChannelBackend):
    label = "YouTube"
    can_update = True
    can_withdraw = True
    choice_label = "YouTube-videobeskrivelse"
    reach_source = "youtube"
    option_names = (
        "API_URL",
        "ANALYTICS_URL",
        "TOKEN_URL",
        "ACCESS_TOKEN",
        "CLIENT_ID",
        "CLIENT_SECRET",
        "REFRESH_TOKEN",
        "DAILY_QUOTA",
    )
    metrics = (
        Metric(
            "viewCount",
            "Visninger af videoen (offentligt tal, samme dag)",
            "Det offentlige visningstal fra videos.list, opdateret løbende.",
            changed_on=SHORTS_VIEWS_CHANGED,
            change_note_da=SHORTS_NOTE_DA,
        ),
        Metric(
            "views",
            "Visninger af videoen (YouTube Analytics)",
            "Visninger fra YouTube Analytics; kommer to-tre dage forsinket.",
            changed_on=SHORTS_VIEWS_CHANGED,
            change_note_da=SHORTS_NOTE_DA,
        ),
        Metric(
            "engagedViews",
            "Engagerede visninger (den gamle måling)",
            "Visninger efter YouTubes definition fra før 31.03.2025, som YouTube beholder "
            "under dette navn.",
        ),
        Metric(
            "estimatedMinutesWatched",
            "Minutters afspilning (skøn)",
            "YouTubes skøn over, hvor mange minutter videoen er set i alt.",
        ),
        Metric("likeCount", "Synes godt om"),
        Metric("commentCount", "Kommentarer"),
    )
    renewal_steps_da = (
        "1. Log ind på console.cloud.google.com med den Google-konto, der ejer YouTube-kanalen.\n"
        "2. Lav en OAuth-klient (hvis den ikke findes) og hent et nyt login med OAuth "
        "Playground eller 'manage.py' efter docs/channels.md, med tilgangene youtube og "
        "yt-analytics.readonly.\n"
        "3. Sæt YOUTUBE_CLIENT_ID, YOUTUBE_CLIENT_SECRET og YOUTUBE_REFRESH_TOKEN i "
        "miljøet (så fornyer adgangen sig selv) og fjern YOUTUBE_ACCESS_TOKEN; genstart "
        "portalen.\n"
        "4. Kør 'manage.py channels_check_logins'."
    )

    def login(self) -> GoogleLogin:
        return GoogleLogin(
            alias=self.alias,
            token_url=str(self.option("TOKEN_URL")),
            access_token=str(self.option("ACCESS_TOKEN")),
            client_id=str(self.option("CLIENT_ID")),
            client_secret=str(self.option("CLIENT_SECRET")),
            refresh_token=str(self.option("REFRESH_TOKEN")),
        )

    def is_configured(self) -> bool:
        login = self.login()
        has_login = login.access_token or (
            login.client_id and login.client_secret and login.refresh_token
        )
        return bool(self.option("API_URL") and has_login)

    def default_enabled(self, content: SharedContent) -> bool:
        return any(
            (parse_video_url(video.url) or ("",))[0] == "youtube" for video in content.videos
        )

    def configuration_problems(self) -> list[str]:
        oauth = {
            name: bool(self.option(name))
            for name in ("CLIENT_ID", "CLIENT_SECRET", "REFRESH_TOKEN")
        }
        if any(oauth.values()) and not all(oauth.values()):
            missing = ", ".join(name for name, has in oauth.items() if not has)
            return [f"YouTube's OAuth login is incomplete: {missing} is empty."]
        return []

    def renews_itself(self) -> bool:
        """With a refresh token the access token is renewed on demand."""
        login = self.login()
        return bool(
            login.client_id
            and login.client_secret
            and login.refresh_token
            and not login.access_token
        )

    def login_expires(self) -> bool:
        return self.is_configured() and not self.renews_itself()

    def token_expiry(self) -> datetime | None:
        """A fixed access token's remaining life from Google's tokeninfo (`expires_in`)."""
        url = str(self.option("TOKEN_URL")).rstrip("/") + "info"
        token = str(self.option("ACCESS_TOKEN"))
        client = PlatformClient("YouTube", url, lambda: token, error_mapper=google_error)
        answer = client.request("GET", "", url=url, params={"access_token": token}).data
        return timezone.now() + timedelta(seconds=int(answer.get("expires_in") or 0))

    def api_url(self) -> str:
        return str(self.option("API_URL"))

    def _token(self) -> str:
        return access_token(self.login())

    def client(self) -> PlatformClient:
        return PlatformClient("YouTube", self.api_url(), self._token, error_mapper=google_error)

    def analytics_client(self) -> PlatformClient:
        return PlatformClient(
            "YouTube Analytics",
            str(self.option("ANALYTICS_URL")),
            self._token,
            error_mapper=google_error,
        )

    def compose(self, post: Post, content: SharedContent) -> Post:
        return replace(post, text=f"{post.text}\n\nLæs historien: {post.link}")

    def validate(self, post: Post) -> list[Problem]:
        problems: list[Problem] = []
        if not post.video_id:
            problems.append(
                Problem(
                    "Historien har intet gyldigt link til en YouTube-video. Indsæt linket "
                    "(fx https://www.youtube.com/watch?v=...) i en video-blok i brødteksten.",
                    post.video_field,
                )
            )
        if "<" in post.text or ">" in post.text:
            problems.append(
                Problem(
                    "YouTube tillader ikke < og > i beskrivelsen. Fjern dem fra teksten.",
                    post.text_field,
                )
            )
        problems += [
            Problem(message, post.text_field)
            for message in description_limit(merge_description("", post.text))
        ]
        return problems

    def _snippet(self, client: PlatformClient, video_id: str, video_field: str) -> dict[str, Any]:
        self._reserve(UNITS_LIST)
        items = client.request("GET", "videos", params={"part": "snippet", "id": video_id}).data
        found = items.get("items") or []
        if not found:
            raise PlatformError(
                kind="permanent",
                message_da=f"YouTube: videoen {video_id} findes ikke, eller kontoen ejer den "
                "ikke. Tjek videolinket.",
                field=video_field,
            )
        return dict(found[0]["snippet"])

    def _reserve(self, units: int) -> None:
        resume = governor.reserve_units(
            self.alias, units, int(self.option("DAILY_QUOTA", DAILY_QUOTA)), PACIFIC
        )
        if resume is not None:
            raise QuotaPaused(until=resume, reason="YouTubes daglige kvote er brugt.")

    def _write(self, video_id: str, block: str | None, post: Post | None = None) -> PostResult:
        """Write our block into the video's description (`post` says which fields the
        video and the text came from, for a refusal to point at)."""
        video_field = post.video_field if post else ""
        text_field = post.text_field if post else ""
        client = self.client()
        snippet = self._snippet(client, video_id, video_field)
        description = merge_description(str(snippet.get("description") or ""), block)
        problems = description_limit(description)
        if problems:
            raise PlatformError(kind="permanent", message_da=" ".join(problems), field=text_field)
        if len(str(snippet.get("title") or "")) > MAX_TITLE_CHARS:
            # The video's own title lives on YouTube; no field here fixes it.
            raise PlatformError(
                kind="permanent",
                message_da=f"Videoens titel er over {MAX_TITLE_CHARS} tegn. Ret den på YouTube.",
            )
        if description != snippet.get("description"):
            body = {k: v for k, v in snippet.items() if k not in READ_ONLY_SNIPPET_FIELDS}
            body["description"] = description
            self._reserve(UNITS_UPDATE)
            try:
                client.request(
                    "PUT",
                    "videos",
                    params={"part": "snippet"},
                    json_body={"id": video_id, "snippet": body},
                )
            except PlatformError as error:
                raise with_field(error, video_field, text_field)  # noqa: B904 - the same error, located
        return PostResult(external_id=video_id, url=f"https://www.youtube.com/watch?v={video_id}")

    def publish(self, post: Post, record: PostRecord) -> PostResult:
        return self._write(post.video_id, post.text, post)

    def update(self, post: Post, record: PostRecord) -> PostResult:
        if record.external_id and record.external_id != post.video_id:
            self._write(record.external_id, None)
        return self._write(post.video_id, post.text, post)

    def withdraw(self, record: PostRecord) -> PostResult:
        return self._write(record.external_id, None)

    def find_existing(self, post: Post, record: PostRecord) -> PostResult | None:
        # Writing the block is idempotent; nothing to look up before a retry.
        return None

    def fetch_reach(self, record: PostRecord, refused: frozenset[str] = frozenset()) -> ReachResult:
        """Today's public statistics, plus YouTube Analytics' figures where it has them.

        Analytics failing (a login without its scope, a lag) never costs the
        statistics: they are kept and the reason goes with the pull.
        """
        self._reserve(UNITS_LIST)
        items = (
            self.client()
            .request("GET", "videos", params={"part": "statistics", "id": record.external_id})
            .data.get("items")
            or []
        )
        stats = items[0].get("statistics", {}) if items else {}
        # favoriteCount is deprecated and always "0": storing it would show a
        # zero no viewer ever made. A hidden like count is absent: a gap.
        wanted = self.requested_metrics(refused)
        metrics = {k: int(v) for k, v in stats.items() if k in wanted and str(v).isdigit()}
        analytics = tuple(m for m in ANALYTICS_METRICS if m in wanted)
        if not analytics or not items:
            return ReachResult(metrics=metrics)
        try:
            found, newly_refused = self._analytics(record, analytics)
        except PlatformError as error:
            if error.kind in ("auth", "rate_limited"):
                raise
            logger.warning(
                "channels: YouTube Analytics failed for %s: %s", record.publication_id, error
            )
            return ReachResult(metrics=metrics, partial_error_da=error.message_da)
        return ReachResult(metrics={**metrics, **found}, refused=newly_refused)

    def _analytics(
        self, record: PostRecord, metrics: tuple[str, ...]
    ) -> tuple[dict[str, int], dict[str, str]]:
        """reports.query for one video over its whole life; a metric YouTube calls
        unknown is asked alone, so it never costs the others."""
        try:
            return self._report(record, metrics), {}
        except PlatformError as error:
            if not unknown_metric(error) or len(metrics) == 1:
                raise
        found: dict[str, int] = {}
        refused: dict[str, str] = {}
        for metric in metrics:
            try:
                found.update(self._report(record, (metric,)))
            except PlatformError as error:
                if not unknown_metric(error):
                    raise
                refused[metric] = error.message_da
        return found, refused

    def _report(self, record: PostRecord, metrics: tuple[str, ...]) -> dict[str, int]:
        if UNITS_ANALYTICS_QUERY:
            self._reserve(UNITS_ANALYTICS_QUERY)
        start = timezone.localdate(record.published_at) if record.published_at else None
        answer = (
            self.analytics_client()
            .request(
                "GET",
                "reports",
                params={
                    "ids": "channel==MINE",
                    "startDate": (start or FIRST_DAY).isoformat(),
                    "endDate": timezone.localdate().isoformat(),
                    "metrics": ",".join(metrics),
                    "filters": f"video=={record.external_id}",
                },
            )
            .data
        )
        names = [str(h.get("name")) for h in answer.get("columnHeaders") or []]
        rows = answer.get("rows") or []
        if not rows:
            return {}  # no data yet (Analytics lags two to three days): a gap, not zero
        return {
            name: int(value)
            for name, value in zip(names, rows[0], strict=False)
            if isinstance(value, int | float) and name in metrics
        }


# Google's error reasons that name a part of the post, and which part.
VIDEO_REASONS = frozenset({"videoNotFound", "forbidden"})
TEXT_REASONS = frozenset({"invalidDescription"})


def with_field(error: PlatformError, video_field: str, text_field: str) -> PlatformError:
    """The error with the field its Google reason (in trace_id) points at, if any."""
    reasons = set(error.trace_id.split(","))
    if reasons & VIDEO_REASONS:
        return replace(error, field=video_field)
    if reasons & TEXT_REASONS:
        return replace(error, field=text_field)
    return error


def unknown_metric(error: PlatformError) -> bool:
    """YouTube Analytics' answer to a metric it does not know (400, reason badRequest)."""
    return error.code == 400 and "badRequest" in error.trace_id.split(",")


def google_error(
    label: str, status: int, body: Any, retry_after: float | None
) -> PlatformError | None:
    """Map a Google API error body (YouTube Data and Analytics) to a PlatformError."""
    if not isinstance(body, dict) or not isinstance(body.get("error"), Mapping):
        return None
    error: Mapping[str, Any] = body["error"]
    reasons = {e.get("reason") for e in error.get("errors", []) if isinstance(e, dict)}
    kind: ErrorKind
    if status == 401:
        kind = "auth"
    elif reasons & {"quotaExceeded", "rateLimitExceeded", "userRateLimitExceeded"} or (
        status == 429
    ):
        kind = "rate_limited"
    elif status >= 500 or reasons & {"backendError", "internalError"}:
        kind = "transient"
    else:
        kind = "permanent"
    reason = str(error.get("message") or f"HTTP {status}")
    return PlatformError(
        kind=kind,
        message_da=f"{label}: {KIND_TEXT_DA[kind]} – platformens begrundelse: »{reason}«.",
        code=status,
        trace_id=",".join(sorted(r for r in reasons if r)),
        retry_after=retry_after,
    )


def description_limit(description: str) -> list[str]:
    size = len(description.encode("utf-8"))
    if size <= MAX_DESCRIPTION_BYTES:
        return []
    return [
        f"YouTube-beskrivelsen bliver {size} bytes; YouTube tillader {MAX_DESCRIPTION_BYTES} "
        f"(æ, ø og å tæller dobbelt). Forkort teksten med mindst {size - MAX_DESCRIPTION_BYTES} "
        "bytes."
    ]
