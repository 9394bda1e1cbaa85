"""What Facebook and Instagram share: the Graph API's version, errors, usage
headers, insights and paging.

Both platforms are one API family: one version setting (GRAPH_API_VERSION),
one error shape (code, error_subcode, is_transient, fbtrace_id), one pair of
usage headers and one insights edge. Their own modules hold only what differs.
Wire format as documented by Meta (read 2026-11-30): Graph API changelog and
versions, Page/post insights and its deprecated-metrics list, Instagram media
insights, IG container, content_publishing_limit, the Instagram error codes
and debug_token; see docs/channels.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.conf import settings

from channels.governor import governor
from channels.http import KIND_TEXT_DA, ErrorKind, PlatformClient, PlatformError

# Graph versions Meta documents (changelog, read 2026-11-30), newest first, with
# the day each stops working; None = not announced yet.
GRAPH_VERSIONS: dict[str, date | None] = {
    "v26.0": None,
    "v25.0": date(2028, 7, 29),
    "v24.0": date(2028, 2, 18),
    "v23.0": date(2027, 10, 8),
    "v22.0": date(2027, 5, 20),
    "v21.0": date(2027, 1, 21),
    "v20.0": date(2026, 9, 24),
}
NEWEST_GRAPH_VERSION = next(iter(GRAPH_VERSIONS))
VERSION_IN_URL = re.compile(r"/v\d+\.\d+/?$")

# Throttling (app, user, page, custom) and the business use case range 80000–80014.
THROTTLING_CODES = frozenset({4, 17, 32, 613, *range(80000, 80015)})
TRANSIENT_CODES = frozenset({1, 2})
AUTH_CODES = frozenset({190, 102})
INVALID_PARAMETER = 100
# Instagram's "too many posts in 24 hours" comes as code 9 with this subcode.
LIMIT_SUBCODES = frozenset({2207042})

# The Instagram subcodes an editor is likely to meet (Meta's "Error Codes" page),
# in Danish, with what to do.
INSTAGRAM_SUBCODES_DA: dict[int, str] = {
    2207001: "Instagram havde en fejl på sin server. Prøv igen senere.",
    2207003: "Det tog Instagram for lang tid at hente billedet. Prøv igen.",
    2207004: "Billedet er for stort; Instagram tager højst 8 MB.",
    2207005: "Instagram kan ikke læse billedets format. Brug et JPEG-billede.",
    2207008: "Instagram-udkastet findes ikke længere. Prøv igen, så laves et nyt.",
    2207009: "Billedets format (forholdet mellem bredde og højde) understøttes ikke; "
    "det skal være mellem 4:5 og 1,91:1.",
    2207010: "Teksten er for lang eller har for mange hashtags eller @-omtaler.",
    2207020: "Instagram-udkastet er udløbet. Prøv igen, så laves et nyt.",
    2207026: "Instagram understøtter ikke mediets format.",
    2207027: "Mediet er ikke klar til udgivelse endnu.",
    2207032: "Instagram kunne ikke oprette opslaget. Prøv igen.",
    2207042: "Kontoen har nået Instagrams grænse for opslag pr. døgn.",
    2207050: "Instagram-kontoen er begrænset eller ikke aktiv. Log ind i Instagram-appen "
    "og tjek kontoen.",
    2207051: "Instagram har blokeret handlingen som mulig spam.",
    2207052: "Instagram kunne ikke hente billedet fra portalens adresse.",
    2207053: "Der skete en ukendt fejl under upload til Instagram. Prøv igen.",
}

SEARCH_MARGIN = timedelta(hours=1)
MAX_SEARCH_PAGES = 50
PAGE_TRIES = 3
"""Tries per listing page before a transient error ends the lookup. A lookup after
a lost answer reads many pages and runs again on every attempt until it
succeeds, so one page's hiccup must not cost the attempt: that let a post whose
answer was lost use up all its attempts on lookups (bench_channels)."""


def graph_url(base_url: str) -> str:
    """The Graph base URL (scheme and host, or the stand-in's) with the one version."""
    return f"{base_url.rstrip('/')}/{settings.GRAPH_API_VERSION}"


def subcode_da(subcode: int | None) -> str:
    return INSTAGRAM_SUBCODES_DA.get(subcode or 0, "")


def graph_error(
    label: str, status: int, body: Any, retry_after: float | None
) -> PlatformError | None:
    """Map a Graph API error body (Facebook, Instagram) to a PlatformError."""
    if not isinstance(body, dict) or not isinstance(body.get("error"), dict):
        return None
    error: Mapping[str, Any] = body["error"]
    code = error.get("code")
    subcode = error.get("error_subcode")
    kind: ErrorKind
    if code in AUTH_CODES or status == 401:
        kind = "auth"
    elif code in THROTTLING_CODES or status == 429 or subcode in LIMIT_SUBCODES:
        kind = "rate_limited"
    elif error.get("is_transient") or code in TRANSIENT_CODES or status >= 500:
        kind = "transient"
    else:
        kind = "permanent"
    reason = str(error.get("message") or f"HTTP {status}")
    detail = f"kode {code}" + (f"/{subcode}" if subcode else "")
    translated = subcode_da(subcode if isinstance(subcode, int) else None)
    return PlatformError(
        kind=kind,
        message_da=f"{label}: {KIND_TEXT_DA[kind]}"
        + (f": {translated}" if translated else "")
        + f" – platformens begrundelse: »{reason}« ({detail}).",
        code=code if isinstance(code, int) else status,
        trace_id=str(error.get("fbtrace_id") or ""),
        retry_after=retry_after,
        subcode=subcode if isinstance(subcode, int) else None,
    )


def usage_percent(headers: Mapping[str, str]) -> int | None:
    """The highest percentage in X-App-Usage / X-Business-Use-Case-Usage, if any."""
    values: list[float] = []
    for name in ("X-App-Usage", "X-Business-Use-Case-Usage"):
        raw = headers.get(name)
        if not raw:
            continue
        try:
            parsed = json.loads(raw)
        except ValueError:
            continue
        entries: list[Any] = (
            [parsed]
            if name == "X-App-Usage"
            else [item for items in parsed.values() if isinstance(items, list) for item in items]
        )
        for entry in entries:
            if isinstance(entry, dict):
                for key in ("call_count", "total_time", "total_cputime"):
                    if isinstance(entry.get(key), int | float):
                        values.append(float(entry[key]))
    return int(max(values)) if values else None


def graph_client(label: str, slug: str, base_url: str, token: Callable[[], str]) -> PlatformClient:
    """A client on the configured Graph version that feeds the quota governor."""

    def on_headers(headers: Mapping[str, str]) -> None:
        governor.record_usage(slug, usage_percent(headers))

    return PlatformClient(
        label, graph_url(base_url), token, on_headers=on_headers, error_mapper=graph_error
    )


def graph_items_since(
    client: PlatformClient, path: str, fields: str, time_field: str, since: datetime
) -> Iterator[dict[str, Any]]:
    """A Graph edge, newest first, page by page, until items are older than `since`.

    Paging (not a fixed "last 50") because a busy Page or a retry after many
    other posts could otherwise miss the post it looks for and post it twice.
    """
    horizon = since - SEARCH_MARGIN
    after = ""
    for _ in range(MAX_SEARCH_PAGES):
        params: dict[str, Any] = {"fields": fields, "limit": 100}
        if after:
            params["after"] = after
        answer = _read_page(client, path, params)
        for item in answer.get("data", []):
            stamp = item.get(time_field)
            if stamp and datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S%z") < horizon:
                return
            yield item
        after = ((answer.get("paging") or {}).get("cursors") or {}).get("after") or ""
        if not after:
            return


def _read_page(client: PlatformClient, path: str, params: dict[str, Any]) -> dict[str, Any]:
    """One page of a listing; a read, so a transient error is simply asked again."""
    tries_left = PAGE_TRIES
    while True:
        try:
            return client.request("GET", path, params=params).data
        except PlatformError as error:
            tries_left -= 1
            if error.kind != "transient" or not tries_left:
                raise


def is_invalid_metric(error: PlatformError) -> bool:
    """Meta's answer to a removed metric: #100 for the whole insights request."""
    return error.code == INVALID_PARAMETER and error.kind == "permanent"


def graph_insights(
    client: PlatformClient, object_id: str, metrics: tuple[str, ...]
) -> tuple[dict[str, int], dict[str, str]]:
    """A post's or media item's insights, and the metrics Meta refused.

    One removed metric fails the whole request with #100 and Meta's message
    does not say which, so on #100 each metric is asked alone: what Meta still
    serves is kept, what it refuses is returned with its reason.
    """
    if not metrics:
        return {}, {}
    try:
        return _insights(client, object_id, metrics), {}
    except PlatformError as error:
        if not is_invalid_metric(error) or len(metrics) == 1:
            raise
    values: dict[str, int] = {}
    refused: dict[str, str] = {}
    for metric in metrics:
        try:
            values.update(_insights(client, object_id, (metric,)))
        except PlatformError as error:
            if not is_invalid_metric(error):
                raise
            refused[metric] = error.message_da
    return values, refused


def _insights(client: PlatformClient, object_id: str, metrics: tuple[str, ...]) -> dict[str, int]:
    answer = client.request(
        "GET", f"{object_id}/insights", params={"metric": ",".join(metrics)}
    ).data
    return graph_metrics(answer)


def graph_metrics(answer: dict) -> dict[str, int]:
    """Graph insights `data` -> {metric name: latest value}; absent metrics stay absent."""
    metrics: dict[str, int] = {}
    for item in answer.get("data", []):
        values = item.get("values") or []
        value = values[-1].get("value") if values else item.get("total_value", {}).get("value")
        if isinstance(value, int | float):
            metrics[str(item.get("name"))] = int(value)
    return metrics


def graph_token_expiry(base_url: str, token: str) -> datetime | None:
    """The earlier of the token's and its data access's expiry; None = never expires."""
    client = PlatformClient("Meta", graph_url(base_url), lambda: token, error_mapper=graph_error)
    # Graph only takes the inspected token as a parameter; the answer is never logged.
    data = client.request("GET", "debug_token", params={"input_token": token}).data.get("data", {})
    if data.get("is_valid") is False:
        raise PlatformError(
            kind="auth",
            message_da="Meta: login er ikke længere gyldigt (debug_token: is_valid=false).",
        )
    stamps = [int(data.get(k) or 0) for k in ("expires_at", "data_access_expires_at")]
    stamps = [s for s in stamps if s > 0]
    return datetime.fromtimestamp(min(stamps), UTC) if stamps else None


class GraphAccount:
    """The login half of a backend on Meta's Graph API: an account id and a token
    in the alias's OPTIONS (API_URL, <id_option>, TOKEN); Facebook and Instagram
    differ only in what their account id is called."""

    graph_label = ""
    """The platform's name in error messages ("Facebook", "Instagram")."""
    id_option = ""
    """The OPTIONS key of the account id ("PAGE_ID", "USER_ID")."""
    alias: str
    options: dict[str, Any]

    @property
    def account_id(self) -> str:
        return str(self.options.get(self.id_option) or "")

    @property
    def base_url(self) -> str:
        return str(self.options.get("API_URL") or "")

    @property
    def token(self) -> str:
        return str(self.options.get("TOKEN") or "")

    def is_configured(self) -> bool:
        return bool(self.base_url and self.account_id and self.token)

    def configuration_problems(self) -> list[str]:
        problems = []
        has_id, has_token = bool(self.account_id), bool(self.token)
        if has_token and not has_id:
            problems.append(f"TOKEN is set but {self.id_option} is empty: posts cannot go out.")
        if has_id and not has_token:
            problems.append(f"{self.id_option} is set but TOKEN is empty: posts cannot go out.")
        if VERSION_IN_URL.search(self.base_url):
            problems.append(
                "API_URL ends in a Graph API version; give the host only and set the "
                "version once in GRAPH_API_VERSION."
            )
        return problems

    def login_expires(self) -> bool:
        return self.is_configured()

    def token_expiry(self) -> datetime | None:
        return graph_token_expiry(self.base_url, self.token)

    def api_url(self) -> str:
        return graph_url(self.base_url)

    def client(self) -> PlatformClient:
        return graph_client(self.graph_label, self.alias, self.base_url, lambda: self.token)
